package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The topics of fetch-on-notify and polling, and their creation when a broker lacks them. */
public final class FetchTopics {

    /** References to fetch ({@link FetchTask} JSON), keyed by channel + object: the durable queue. */
    public static final String FETCH = "omni.fetch";
    /** References whose fetch failed for good (404, 400, unknown channel), with the reason in {@code omni.reason}. */
    public static final String FETCH_DLQ = "omni.fetch.dlq";
    /** Compacted: per channel (key), the newest change a completed poll saw (ISO-8601 instant). */
    public static final String WATERMARKS = "omni.watermarks";

    private FetchTopics() {
    }

    /** Creates the missing ones; {@value #WATERMARKS} compacted with one partition. Existing topics are left alone. */
    public static void ensure(String bootstrapServers, int partitions, short replicationFactor) {
        Map<String, String> durable = replicationFactor > 1 ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2") : Map.of();
        Map<String, String> compacted = new HashMap<>(durable);
        compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(FETCH, FETCH_DLQ)) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicationFactor).configs(durable));
                }
            }
            if (!existing.contains(WATERMARKS)) {
                missing.add(new NewTopic(WATERMARKS, 1, replicationFactor).configs(compacted));
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the fetch topics on Kafka at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the fetch topics", e);
        }
    }
}
