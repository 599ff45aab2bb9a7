package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.TopicReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * What the Amazon tests share: the channels file of an {@code amazon-sp-api} channel pointed at ElasticMQ and the
 * Orders API stand-in (secrets in files, by reference), ORDER_CHANGE messages made from the SP-API fixture, and
 * waits paced by real reads of Kafka and SQS.
 */
final class AmazonHub {

    static final String CHANNEL = "amazon-us";
    static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path FIXTURES = Path.of(System.getProperty("omni.fixtures", "../../shared/fixtures"), "amazon-sp-api");
    private static final String FIXTURE_ORDER = "903-8868176-2219830";
    private static final String FIXTURE_NOTIFICATION = "d0e9e693-c3ad-4373-979f-ed4ec98dd746";
    static final String APPLICATION_ID = "app-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746";

    private AmazonHub() {
    }

    /** Writes the channels file (and the secrets it references) for one Amazon channel with the extra settings. */
    static void writeChannels(Path dir, OrdersApiStandIn standIn, ElasticMq sqs, String queueUrl, String extraSettings) {
        try {
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Map<String, String> values = Map.of("lwa-client-id", "amzn1.application-oa2-client.hubtest",
                    "lwa-client-secret", "hub-test-lwa-secret", "lwa-refresh-token", "Atzr|hub-test-refresh",
                    "aws-key", ElasticMq.ACCESS_KEY, "aws-secret", ElasticMq.SECRET_KEY);
            for (Map.Entry<String, String> e : values.entrySet()) {
                Files.writeString(secrets.resolve(e.getKey()), e.getValue() + "\n");
            }
            HubUnderTest.writeChannels(dir, """
                    channels:
                      - id: %s
                        system: amazon-sp-api
                        kind: MARKETPLACE
                        settings:
                          region: na
                          marketplaceIds: ATVPDKIKX0DER
                          applicationId: %s
                          spApiEndpoint: %s
                          lwaEndpoint: %s
                          queueUrl: %s
                          sqsEndpoint: %s
                          awsRegion: %s
                          sqsWaitSeconds: "1"
                    %s
                        secrets:
                          lwaClientId: file:%s
                          lwaClientSecret: file:%s
                          lwaRefreshToken: file:%s
                          awsAccessKeyId: file:%s
                          awsSecretAccessKey: file:%s
                    """.formatted(CHANNEL, APPLICATION_ID, standIn.base(), standIn.lwaEndpoint(), queueUrl, sqs.endpoint(),
                    ElasticMq.REGION, extraSettings.indent(6).stripTrailing(), secrets.resolve("lwa-client-id"),
                    secrets.resolve("lwa-client-secret"), secrets.resolve("lwa-refresh-token"), secrets.resolve("aws-key"),
                    secrets.resolve("aws-secret")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SP-API's ORDER_CHANGE fixture naming the given order, with the given NotificationId. */
    static String orderChange(String orderId, String notificationId) {
        try {
            return Files.readString(FIXTURES.resolve("OrderChangeNotification.example.json"), StandardCharsets.UTF_8)
                    .replace(FIXTURE_ORDER, orderId).replace("\"" + FIXTURE_NOTIFICATION + "\"", "\"" + notificationId + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records on omni.inbound of one order of the channel. */
    static List<ConsumerRecord<String, byte[]>> events(String bootstrap, String orderId) {
        return TopicReader.readAll(bootstrap, HubTopics.INBOUND, r -> (CHANNEL + ":order:" + orderId).equals(r.key()));
    }

    static List<String> eventIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID)).toList();
    }

    /** Waits until the condition holds; each check does real I/O, which paces the loop. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** True when the fetch consumers have committed everything on omni.fetch. */
    static boolean fetchQueueDrained(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("omni-hub-fetch")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(FetchTopics.FETCH)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(FetchTopics.FETCH).partitions().stream()
                    .map(p -> new TopicPartition(FetchTopics.FETCH, p.partition())).toList();
            Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return partitions.stream().allMatch(p -> end.get(p) == 0
                    || (committed.get(p) != null && committed.get(p).offset() >= end.get(p)));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * ElasticMQ with one queue, the Orders API stand-in and a hub with one Amazon channel on both, started in
     * that order and closed in the reverse one. The hub may be replaced (a restart).
     */
    static final class Env implements AutoCloseable {
        final ElasticMq sqs;
        final OrdersApiStandIn amazon;
        final String queueUrl;
        HubUnderTest hub;

        private Env(ElasticMq sqs, OrdersApiStandIn amazon, String queueUrl) {
            this.sqs = sqs;
            this.amazon = amazon;
            this.queueUrl = queueUrl;
        }

        /**
         * @param visibilitySeconds the queue's visibility timeout
         * @param rateLimit         the x-amzn-RateLimit-Limit the stand-in states, or null for the models' own
         * @param extraSettings     channel settings added to the channels file (YAML lines)
         * @param properties        the hub's properties
         */
        static Env start(Path dir, String queue, int visibilitySeconds, String rateLimit, String extraSettings,
                         Map<String, String> properties) {
            ElasticMq sqs = new ElasticMq();
            OrdersApiStandIn amazon = new OrdersApiStandIn();
            if (rateLimit != null) {
                amazon.rateLimit(rateLimit);
            }
            Env env = new Env(sqs, amazon, sqs.createQueue(queue, visibilitySeconds));
            writeChannels(dir, amazon, sqs, env.queueUrl, extraSettings);
            env.hub = HubUnderTest.start(dir, properties);
            return env;
        }

        @Override
        public void close() throws Exception {
            if (hub != null) {
                hub.close();
            }
            amazon.close();
            sqs.close();
        }
    }
}
