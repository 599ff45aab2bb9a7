package org.omnichannel.hub.scale;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hubs in one delivery consumer group on a replicated 3-broker KRaft cluster, under a steady
 * stream of order webhooks through a failing-over "load balancer": one hub is stopped mid-stream.
 * Its partitions move to the other hub, every webhook a hub acknowledged with 202 reaches OFBiz
 * exactly once, and each order's events reach OFBiz in the order they were sent.
 */
@Tag("scale-out")
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hard stop on a starved machine; about 40 s on two idle cores
class TwoHubsScaleOutTest {

    private static final String CHANNEL = "shop-eu";
    private static final String SECRET = "scale-out-secret";
    private static final String GROUP = "omni-hub-delivery";
    private static final int PARTITIONS = 6;
    private static final int ORDERS = 40;
    private static final int EVENTS_PER_ORDER = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(TwoHubsScaleOutTest.class);

    @Test
    void a_hub_stopped_under_load_hands_its_partitions_over_and_nothing_acknowledged_is_lost_doubled_or_reordered(
            @TempDir Path dir) throws Exception {
        try (ThreeBrokerCluster kafka = ThreeBrokerCluster.start(); OfbizStandIn ofbiz = OfbizStandIn.start(dir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(kafka.brokers()).isEqualTo(3);
            Map<String, String> properties = new HashMap<>(ofbiz.hubProperties(dir));
            properties.put("omni.kafka.bootstrapServers", kafka.bootstrapServers());
            properties.put("omni.kafka.partitions", String.valueOf(PARTITIONS));
            properties.put("omni.delivery.groupId", GROUP);
            properties.put("omni.delivery.batchSize", "25"); // many batches: the stop falls between and inside them
            HubUnderTest first = startHub(dir.resolve("hub-a"), dir, properties);
            HubUnderTest second = null;
            OrderWebhookLoad load = null;
            try {
                second = startHub(dir.resolve("hub-b"), dir, properties);
                assertHubTopicsAreReplicated(admin);
                awaitGroup(admin, 2);

                load = new OrderWebhookLoad(List.of(first.baseUrl(), second.baseUrl()), CHANNEL, SECRET,
                        ORDERS, EVENTS_PER_ORDER, ORDERS * 3 / 4, 8, 40);
                load.start();
                LOG.info("scale-out: load started");
                assertThat(load.awaitAcknowledged(load.total() / 4, WAIT))
                        .as("a quarter of the stream acknowledged; failures: %s", load.failures()).isTrue();
                LOG.info("scale-out: stopping the first hub after {} acknowledged webhooks", load.acknowledged().size());
                first.close(); // a clean stop, as an orchestrator stops a hub: routes, then delivery leaves the group
                int acknowledgedWhenStopped = load.acknowledged().size();
                load.release(); // the last quarter of the orders starts only now, after the stop
                double deliveredByFirst = delivered(first);
                Map<String, List<TopicPartition>> afterStop = awaitGroup(admin, 1);
                assertThat(afterStop.values().iterator().next()).as("the remaining hub holds every partition")
                        .hasSize(PARTITIONS);

                LOG.info("scale-out: the remaining hub holds every partition");
                assertThat(load.awaitFinished(WAIT)).as("the load generator finished").isTrue();
                LOG.info("scale-out: load finished");
                assertThat(load.failures()).as("webhooks no hub acknowledged").isEmpty();
                List<OrderWebhookLoad.Acknowledged> acknowledged = load.acknowledged();
                assertThat(acknowledged).hasSize(load.total());
                assertThat(acknowledged.size() - acknowledgedWhenStopped).as("webhooks acknowledged after the stop")
                        .isPositive();

                List<String> eventIds = acknowledged.stream().map(OrderWebhookLoad.Acknowledged::eventId).toList();
                assertThat(new HashSet<>(eventIds)).as("distinct events").hasSize(load.total());
                assertThat(ofbiz.awaitProcessed(eventIds, WAIT)).as("every acknowledged event reached OFBiz").isTrue();
                assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).as(id).isEqualTo(1));
                assertThat(ofbiz.processedInOrder()).as("OFBiz processed nothing else, nothing twice")
                        .hasSize(load.total());
                assertEachOrderArrivedInSequence(acknowledged, ofbiz.processedInOrder());

                assertThat(deliveredByFirst).as("events the stopped hub delivered before it stopped").isPositive();
                assertThat(delivered(second)).as("events the remaining hub delivered").isPositive();
                LOG.info("scale-out: {} webhooks acknowledged ({} before the stop), {} re-sent to the other hub; OFBiz "
                        + "answers by the stopped hub {}, by the remaining hub {}, of which duplicates absorbed {}",
                        acknowledged.size(), acknowledgedWhenStopped, load.retries(), deliveredByFirst, delivered(second),
                        duplicates(first) + duplicates(second));
            } finally {
                if (load != null) {
                    load.close();
                }
                if (second != null) {
                    second.close();
                }
                if (!first.isStopped()) {
                    first.close();
                }
            }
        }
    }

    private static HubUnderTest startHub(Path hubDir, Path dir, Map<String, String> properties) throws Exception {
        Files.createDirectories(hubDir);
        Path secret = dir.resolve("shop-eu.secret");
        Files.writeString(secret, SECRET);
        HubUnderTest.writeChannels(hubDir, """
                channels:
                  - id: %s
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                """.formatted(CHANNEL, secret));
        return HubUnderTest.start(hubDir, properties);
    }

    private static double duplicates(HubUnderTest hub) {
        return hub.hub().metrics().count("omni.events.delivered", CHANNEL, "DUPLICATE");
    }

    private static double delivered(HubUnderTest hub) {
        return hub.hub().metrics().count("omni.events.delivered", CHANNEL, "ACCEPTED")
                + hub.hub().metrics().count("omni.events.delivered", CHANNEL, "DUPLICATE");
    }

    /** The hubs created their topics replicated on all three brokers, refusing writes with fewer than two in sync. */
    private static void assertHubTopicsAreReplicated(Admin admin) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(HubTopics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(topics.get(HubTopics.INBOUND).partitions()).hasSize(PARTITIONS);
        assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions())
                .allSatisfy(partition -> assertThat(partition.replicas()).as(topic.name()).hasSize(3)));
        ConfigResource inbound = new ConfigResource(ConfigResource.Type.TOPIC, HubTopics.INBOUND);
        assertThat(admin.describeConfigs(List.of(inbound)).all().get(30, TimeUnit.SECONDS).get(inbound)
                .get("min.insync.replicas").value()).isEqualTo("2");
    }

    /**
     * Waits until the delivery group is stable with {@code members} members that share every
     * partition of omni.inbound, and returns each member's partitions.
     */
    private static Map<String, List<TopicPartition>> awaitGroup(Admin admin, int members) throws InterruptedException {
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        TestUtils.waitForCondition(() -> {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(10, TimeUnit.SECONDS).get(GROUP);
            assignment.clear();
            for (MemberDescription member : group.members()) {
                assignment.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(HubTopics.INBOUND)).toList());
            }
            Set<TopicPartition> covered = assignment.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            return group.state() == ConsumerGroupState.STABLE && assignment.size() == members
                    && assignment.values().stream().noneMatch(List::isEmpty) && covered.size() == PARTITIONS;
        }, WAIT.toMillis(), () -> "delivery group with " + members + " member(s) sharing " + PARTITIONS
                + " partitions; last seen: " + assignment);
        return Map.copyOf(assignment);
    }

    /** For every order, OFBiz processed its events in the order the shop sent them (sequence 1, 2, 3...). */
    private static void assertEachOrderArrivedInSequence(List<OrderWebhookLoad.Acknowledged> sent, List<String> processed) {
        Map<String, OrderWebhookLoad.Acknowledged> byEventId = sent.stream()
                .collect(Collectors.toMap(OrderWebhookLoad.Acknowledged::eventId, event -> event));
        Map<String, List<Integer>> sequences = new HashMap<>();
        for (String eventId : processed) {
            OrderWebhookLoad.Acknowledged event = byEventId.get(eventId);
            sequences.computeIfAbsent(event.orderId(), order -> new ArrayList<>()).add(event.sequence());
        }
        assertThat(sequences).allSatisfy((order, arrived) -> assertThat(arrived).as("order %s", order).isSorted()
                .doesNotHaveDuplicates());
    }
}
