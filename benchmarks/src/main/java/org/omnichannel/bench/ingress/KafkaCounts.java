package org.omnichannel.bench.ingress;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Creates the benchmark's topics and counts what landed on them (the sum of the partitions' end offsets). */
public final class KafkaCounts {

    /** The number of records on each topic a server writes to. */
    public record Stored(Map<String, Long> records) {

        /** A server that writes nothing to Kafka. */
        public static final Stored NOTHING = new Stored(Map.of());

        public Stored {
            records = Map.copyOf(records);
        }

        /** True when every topic holds exactly {@code perTopic} records (trivially, for a server without Kafka). */
        public boolean all(long perTopic) {
            return records.values().stream().allMatch(n -> n == perTopic);
        }

        @Override
        public String toString() {
            if (records.isEmpty()) {
                return "(no Kafka)";
            }
            return records.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }

    private KafkaCounts() {
    }

    public static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Stored stored(String bootstrapServers, List<String> topics) {
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            var descriptions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            descriptions.forEach((topic, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> counts.merge(partition.topic(), info.offset(), Long::sum));
            return new Stored(counts);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot count the records on " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
