package org.omnichannel.hub.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.ops.DlqReplay;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.omnichannel.hub.support.TopicReader;

import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.channel.ChannelsFile;

import java.util.Map;
import java.util.Set;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks through the real hub and broker to a local HTTPS server answering as OFBiz's plugin does. */
class OfbizDeliveryTest {

    private static final String SECRET = "delivery-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The vendors' recorded payloads, beside the repository as in CI. */
    private static final Path ALIPAY = Path.of(System.getProperty("omni.fixtures", "../../shared/fixtures"), "alipay");

    @TempDir
    static Path dir;
    private static OfbizStandIn ofbiz;
    private static HubUnderTest hub;

    @BeforeAll
    static void start() throws Exception {
        ofbiz = OfbizStandIn.start(dir);
        Path secret = dir.resolve("crm.secret");
        Files.writeString(secret, SECRET);
        HubUnderTest.writeChannels(dir, """
                channels:
                  - id: crm-eu
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                  - id: alipay-cn
                    system: alipay
                    kind: OWN_ECOMMERCE
                    secrets:
                      alipayPublicKey: file:%s
                """.formatted(secret, ALIPAY.resolve("alipay-notify-sign-public-key-v1.pem").toAbsolutePath()));
        hub = HubUnderTest.start(dir, ofbiz.hubProperties(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (ofbiz != null) {
            ofbiz.close();
        }
    }

    @Test
    void a_webhook_delivered_twice_is_processed_by_ofbiz_once() throws Exception {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "twice-1", "twice@example.com");
        byte[] body = ChannelEventJson.toBytes(event);

        assertThat(GenericWebhooks.post(url(), body, SECRET).statusCode()).isEqualTo(202);
        assertThat(GenericWebhooks.post(url(), body, SECRET).statusCode()).isEqualTo(202);

        assertThat(ofbiz.awaitProcessed(List.of(event.eventId()), WAIT)).isTrue();
        awaitDelivered("DUPLICATE", 1);
        assertThat(ofbiz.timesProcessed(event.eventId())).isEqualTo(1);
    }

    @Test
    void events_queued_while_ofbiz_is_down_are_all_processed_once_when_it_is_back() throws Exception {
        ofbiz.down();
        List<String> eventIds = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ChannelEvent event = GenericWebhooks.visit("crm-eu", "outage-" + i, "outage" + i + "@example.com");
                eventIds.add(event.eventId());
                assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(event), SECRET).statusCode()).isEqualTo(202);
            }
            assertThat(ofbiz.awaitUnavailableAnswers(2, WAIT)).as("the hub kept trying while OFBiz was down").isTrue();
            assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isZero());
        } finally {
            ofbiz.up();
        }

        assertThat(ofbiz.awaitProcessed(eventIds, WAIT)).isTrue();
        assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
    }

    @Test
    void an_event_ofbiz_rejects_goes_to_the_dead_letter_topic_with_the_reason() throws Exception {
        ChannelEvent rejected = GenericWebhooks.visit("crm-eu", "rejected-1", "rejected@example.com");
        ChannelEvent fine = GenericWebhooks.visit("crm-eu", "after-rejected-1", "fine@example.com");
        ofbiz.reject(rejected.eventId());

        assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(rejected), SECRET).statusCode()).isEqualTo(202);
        assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(fine), SECRET).statusCode()).isEqualTo(202);

        assertThat(ofbiz.awaitProcessed(List.of(fine.eventId()), WAIT)).isTrue();
        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetter(rejected.eventId());
        assertThat(dead).hasSize(1);
        assertThat(KafkaHeaders.text(dead.get(0).headers(), KafkaHeaders.REASON)).isEqualTo("$.payload: refused by the stand-in");
        assertThat(ChannelEventJson.read(dead.get(0).value()).eventId()).isEqualTo(rejected.eventId());
        assertThat(ofbiz.timesProcessed(rejected.eventId())).isZero();
    }

    @Test
    void alipays_recorded_form_notification_is_verified_on_its_exact_bytes_and_reaches_ofbiz() throws Exception {
        // Alipay signs the raw form; a hub that decoded and re-encoded it would answer 401.
        byte[] form = Files.readAllBytes(ALIPAY.resolve("trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"));
        String contentType = "application/x-www-form-urlencoded; charset=utf-8";
        ChannelRegistry.Channel channel = ChannelRegistry.create("test", ChannelsFile.read(dir.resolve("channels.yaml"),
                Set.copyOf(Connectors.load().systems())), Connectors.load(), name -> null).require("alipay-cn");
        List<String> expected = channel.connector().map(new InboundRequest("POST", "http://hub/webhooks/alipay-cn",
                Map.of("Content-Type", List.of(contentType)), Map.of(), form, null), channel.context())
                .events().stream().map(ChannelEvent::eventId).toList();
        assertThat(expected).isNotEmpty();

        var response = GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/webhooks/alipay-cn"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(form)).build());

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(response.body()).isEqualTo("success");
        assertThat(ofbiz.awaitProcessed(expected, WAIT)).isTrue();
        assertThat(expected).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
    }

    @Test
    void a_dead_letter_replayed_after_the_fix_is_processed_once() throws Exception {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "replay-1", "replay@example.com");
        ofbiz.reject(event.eventId());
        assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(event), SECRET).statusCode()).isEqualTo(202);
        assertThat(awaitDeadLetter(event.eventId())).hasSize(1);
        ofbiz.stopRejecting(event.eventId());

        DlqReplay.Outcome outcome = DlqReplay.replay(hub.bootstrapServers(), new DlqReplay.Selection(null, event.eventId()));

        assertThat(outcome.replayed()).isEqualTo(1);
        assertThat(ofbiz.awaitProcessed(List.of(event.eventId()), WAIT)).isTrue();
        assertThat(ofbiz.timesProcessed(event.eventId())).isEqualTo(1);
    }

    @Test
    void an_event_ofbiz_asks_to_retry_is_delivered_again_and_processed_once() throws Exception {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "retry-1", "retry@example.com");
        ofbiz.retryOnce(event.eventId());

        assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(event), SECRET).statusCode()).isEqualTo(202);

        assertThat(ofbiz.awaitProcessed(List.of(event.eventId()), WAIT)).isTrue();
        assertThat(ofbiz.timesProcessed(event.eventId())).isEqualTo(1);
    }

    @Test
    void reports_readiness_and_counts_webhooks_and_deliveries_in_prometheus() throws Exception {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "metrics-1", "metrics@example.com");
        assertThat(GenericWebhooks.post(url(), ChannelEventJson.toBytes(event), SECRET).statusCode()).isEqualTo(202);
        assertThat(ofbiz.awaitProcessed(List.of(event.eventId()), WAIT)).isTrue();
        awaitDelivered("ACCEPTED", 1);

        var ready = GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/health/ready")).build());
        assertThat(ready.statusCode()).isEqualTo(200);
        var health = GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/health?data=true")).build());
        assertThat(health.body()).contains("kafka").contains("ofbiz-delivery").contains("\"UP\"");
        var metrics = GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/metrics")).build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("omni_webhooks_received_total\\{channel=\"crm-eu\",outcome=\"ok\"} [1-9]")
                .containsPattern("omni_events_delivered_total\\{channel=\"crm-eu\",outcome=\"ACCEPTED\"} [1-9]")
                .contains("omni_delivery_lag")
                .contains("omni_dlq_depth");
    }

    private static String url() {
        return hub.baseUrl() + "/webhooks/crm-eu";
    }

    private static void awaitDelivered(String status, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.hub().metrics().count("omni.events.delivered", "crm-eu", status) < atLeast) {
            assertThat(System.nanoTime()).as("waiting for a " + status + " answer").isLessThan(deadline);
            Thread.onSpinWait();
            TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND_DLQ); // paces the loop on real I/O
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetter(String eventId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND_DLQ,
                    r -> eventId.equals(KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID)));
            if (!dead.isEmpty() || System.nanoTime() > deadline) {
                return dead;
            }
        }
    }
}
