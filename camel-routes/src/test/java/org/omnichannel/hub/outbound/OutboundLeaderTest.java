package org.omnichannel.hub.outbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.delivery.DeliverySettings;
import org.omnichannel.hub.kafka.EmbeddedKafkaBroker;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.ops.HubMetrics;
import org.omnichannel.hub.support.OfbizStandIn;
import org.omnichannel.hub.support.TopicReader;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hubs' outbox pollers on one broker: only one polls; when it stops, the other takes over after the
 * persisted cursor, and every entry is queued on omni.outbound exactly once.
 */
class OutboundLeaderTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void only_one_of_two_hubs_polls_the_outbox_and_the_other_takes_over_after_its_cursor() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             OfbizStandIn ofbiz = OfbizStandIn.start(dir)) {
            HubTopics.ensure(broker.bootstrapServers(), 2, (short) 1);
            CursorTopic.ensure(broker.bootstrapServers(), (short) 1);
            OutboxPoller one = poller(broker, ofbiz);
            OutboxPoller two = poller(broker, ofbiz);
            one.start();
            two.start();
            try {
                String third = null;
                for (int i = 1; i <= 3; i++) {
                    third = ofbiz.addStockLevel("shop-eu", "GL-L-" + i, null, null, i);
                }
                assertThat(ofbiz.awaitAcknowledged(third, WAIT)).isTrue();
                assertThat(one.leader() ^ two.leader()).as("exactly one poller leads").isTrue();
                OutboxPoller leader = one.leader() ? one : two;
                OutboxPoller follower = leader == one ? two : one;

                leader.stop();
                String fifth = ofbiz.addStockLevel("shop-eu", "GL-L-4", null, null, 4);
                fifth = ofbiz.addStockLevel("shop-eu", "GL-L-5", null, null, 5);

                assertThat(ofbiz.awaitAcknowledged(fifth, WAIT)).isTrue();
                assertThat(follower.leader()).isTrue();
                assertThat(follower.cursor()).isEqualTo(fifth);
                List<String> reads = ofbiz.outboxReads();
                assertThat(reads).as("every read starts at or after the previous one's cursor").isSorted();
                Map<String, Long> queued = TopicReader.readAll(broker.bootstrapServers(), HubTopics.OUTBOUND).stream()
                        .map(ConsumerRecord::headers).map(h -> KafkaHeaders.text(h, OutboxPoller.MESSAGE_ID_HEADER))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(queued).hasSize(5).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
            } finally {
                one.stop();
                two.stop();
            }
        }
    }

    private OutboxPoller poller(EmbeddedKafkaBroker broker, OfbizStandIn ofbiz) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Map<String, String> properties = new java.util.HashMap<>(ofbiz.hubProperties(dir));
        properties.putAll(OutboundPushTest.fastOutbound());
        java.util.Properties initial = new java.util.Properties();
        initial.putAll(properties);
        context.getPropertiesComponent().setInitialProperties(initial);
        DeliverySettings delivery = DeliverySettings.from(context.getPropertiesComponent());
        return new OutboxPoller(broker.bootstrapServers(), delivery.client(System::getenv), delivery.baseUrl().toString(),
                OutboundSettings.from(context.getPropertiesComponent()), HubMetrics.standalone(), Clock.systemUTC());
    }
}
