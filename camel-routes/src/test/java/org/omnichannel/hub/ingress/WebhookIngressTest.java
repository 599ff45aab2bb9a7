package org.omnichannel.hub.ingress;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.TopicReader;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks through the real hub: Vert.x server, generic connector, embedded KRaft broker. */
class WebhookIngressTest {

    private static final String SECRET = "ingress-test-secret";

    @TempDir
    static Path dir;
    private static HubUnderTest hub;

    @BeforeAll
    static void startHub() throws Exception {
        Path secret = dir.resolve("crm.secret");
        Files.writeString(secret, SECRET + "\n");
        HubUnderTest.writeChannels(dir, """
                channels:
                  - id: crm-eu
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                  - id: crm-off
                    system: generic
                    kind: OWN_ECOMMERCE
                    enabled: false
                    secrets:
                      webhookSecret: file:%s
                """.formatted(secret, secret));
        hub = HubUnderTest.start(dir, Map.of("camel.server.maxBodySize", "65536"));
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void queues_a_signed_event_and_its_raw_body_before_answering_202() {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "queued-1", "queued@example.com");
        byte[] body = ChannelEventJson.toBytes(event);

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), body, SECRET);

        assertThat(response.statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, byte[]>> queued = inbound(event.eventId());
        assertThat(queued).hasSize(1);
        ChannelEvent onKafka = ChannelEventJson.read(queued.get(0).value());
        assertThat(onKafka.payload()).isEqualTo(event.payload());
        assertThat(onKafka.raw().sha256()).isEqualTo(Signatures.sha256Hex(body));
        assertThat(queued.get(0).key()).startsWith("fan:").doesNotContain("queued@example.com");
        List<ConsumerRecord<String, byte[]>> raw = TopicReader.readAll(hub.bootstrapServers(), HubTopics.RAW,
                r -> r.key().equals("crm-eu/" + Signatures.sha256Hex(body)));
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).value()).isEqualTo(body);
        assertThat(hub.hub().metrics().count("omni.webhooks.received", "crm-eu", "ok")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refuses_a_tampered_body_with_401_and_queues_nothing() {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "tampered-1", "tampered@example.com");
        byte[] body = ChannelEventJson.toBytes(event);
        long now = Instant.now().getEpochSecond();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("VISIT", "LIKE").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("crm-eu")))
                .header("Content-Type", "application/json")
                .header("X-Omni-Timestamp", String.valueOf(now))
                .header("X-Omni-Signature", GenericWebhooks.signature(SECRET, now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(tampered)).build();

        HttpResponse<String> response = GenericWebhooks.send(request);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("no v1 signature matches the body").doesNotContain(SECRET);
        assertThat(inbound(event.eventId())).isEmpty();
        assertThat(hub.hub().metrics().count("omni.webhooks.rejected", "crm-eu", "signature")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refuses_an_expired_timestamp_with_401() {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "expired-1", "expired@example.com");
        long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), ChannelEventJson.toBytes(event), SECRET,
                anHourAgo, "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("tolerance is 300 s");
        assertThat(inbound(event.eventId())).isEmpty();
    }

    @Test
    void answers_400_naming_the_problem_for_malformed_json_and_quarantines_the_body() {
        byte[] body = "{\"eventId\": ".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), body, SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("payload refused:");
        List<ConsumerRecord<String, byte[]>> quarantined = TopicReader.readAll(hub.bootstrapServers(), HubTopics.RAW,
                r -> r.key().equals("crm-eu/" + Signatures.sha256Hex(body)));
        assertThat(quarantined).hasSize(1);
        assertThat(KafkaHeaders.text(quarantined.get(0).headers(), KafkaHeaders.DISPOSITION)).isEqualTo("quarantined");
        assertThat(KafkaHeaders.text(quarantined.get(0).headers(), KafkaHeaders.REASON)).isNotBlank();
    }

    @Test
    void keeps_a_form_encoded_body_byte_for_byte_so_its_signature_still_matches() {
        // Signed over the raw form, as Alipay signs: had the server re-encoded the form (order, '+'
        // versus '%20'), the signature check would answer 401. The generic connector then refuses
        // the form as a payload (400), which proves the check passed on the exact bytes.
        byte[] form = "b=two+words&a=%E4%BD%A0%E5%A5%BD&a=second&empty=".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), form, SECRET, Instant.now().getEpochSecond(),
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(400);
        List<ConsumerRecord<String, byte[]>> raw = TopicReader.readAll(hub.bootstrapServers(), HubTopics.RAW,
                r -> r.key().equals("crm-eu/" + Signatures.sha256Hex(form)));
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).value()).isEqualTo(form);
    }

    @Test
    void answers_413_for_a_body_over_the_limit() {
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) 'x');

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), big, SECRET);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void answers_415_for_a_content_type_the_channel_does_not_take() {
        ChannelEvent event = GenericWebhooks.visit("crm-eu", "pdf-1", "pdf@example.com");

        HttpResponse<String> response = GenericWebhooks.post(url("crm-eu"), ChannelEventJson.toBytes(event), SECRET,
                Instant.now().getEpochSecond(), "application/pdf");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("application/json");
        assertThat(inbound(event.eventId())).isEmpty();
    }

    @Test
    void answers_404_for_an_unknown_or_disabled_channel() {
        byte[] body = ChannelEventJson.toBytes(GenericWebhooks.visit("crm-off", "off-1", "off@example.com"));

        assertThat(GenericWebhooks.post(url("crm-off"), body, SECRET).statusCode()).isEqualTo(404);
        assertThat(GenericWebhooks.post(url("nobody"), body, SECRET).statusCode()).isEqualTo(404);
    }

    private static String url(String channelId) {
        return hub.baseUrl() + "/webhooks/" + channelId;
    }

    private static List<ConsumerRecord<String, byte[]>> inbound(String eventId) {
        return TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND,
                r -> eventId.equals(KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID)));
    }
}
