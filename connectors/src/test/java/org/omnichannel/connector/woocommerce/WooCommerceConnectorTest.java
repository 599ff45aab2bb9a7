package org.omnichannel.connector.woocommerce;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;
import static org.omnichannel.connector.testing.WebGolden.resource;

class WooCommerceConnectorTest {

    private static final String SECRET = "wc-shop-us-test-secret";
    private final WooCommerceConnector connector = new WooCommerceConnector();
    private final ChannelContext channel = channel(SECRET);

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("woocommerce")).isInstanceOf(WooCommerceConnector.class);
    }

    @Test
    void the_official_vector_holds_for_the_algorithm_but_an_empty_secret_is_refused() {
        byte[] payload = "secret".getBytes(StandardCharsets.UTF_8);
        // HMAC pads the key with zeros to the block size: an empty key equals 64 zero bytes.
        assertThat(Base64.getEncoder().encodeToString(Signatures.hmacSha256(new byte[64], payload)))
                .isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");

        InboundRequest request = post("/", Map.of(WooCommerceConnector.SIGNATURE_HEADER,
                "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs="), payload);
        assertThatThrownBy(() -> connector.verify(request, channel("")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no secret 'webhookSecret'");
    }

    @Test
    void accepts_the_computed_vector_with_a_real_secret() {
        InboundRequest request = post("/", Map.of(WooCommerceConnector.SIGNATURE_HEADER,
                "IQ09J2BdDuc3lSKUJlQAp8uhCXRq+s2EucsBOb9rfjo="), "secret".getBytes(StandardCharsets.UTF_8));

        assertThat(connector.verify(request, channel("secret")).isVerified()).isTrue();
    }

    @Test
    void rejects_a_tampered_body_and_a_missing_signature() {
        byte[] body = fixture("woocommerce", "order.created.json");
        InboundRequest signed = signed("order.created", body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"29.35\"", "\"2.35\"").getBytes(StandardCharsets.UTF_8);

        assertThat(connector.verify(post("/", Map.of(WooCommerceConnector.SIGNATURE_HEADER,
                signed.header(WooCommerceConnector.SIGNATURE_HEADER)), tampered), channel))
                .isEqualTo(Verification.rejected("X-WC-Webhook-Signature does not match the body"));
        assertThat(connector.verify(post("/", Map.of("X-WC-Webhook-Topic", "order.created"), body), channel))
                .isEqualTo(Verification.rejected("missing X-WC-Webhook-Signature header"));
    }

    @Test
    void answers_the_unsigned_ping_sent_when_a_webhook_is_saved() {
        InboundRequest ping = post("/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "webhook_id=15".getBytes(StandardCharsets.UTF_8));

        Optional<ConnectorResponse> answer = connector.handshake(ping, channel);

        assertThat(answer).hasValueSatisfying(response -> assertThat(response.status()).isEqualTo(200));
        assertThat(connector.verify(ping, channel).isVerified()).isFalse();
    }

    @Test
    void does_not_take_a_signed_request_or_another_body_for_a_ping() {
        byte[] ping = "webhook_id=15".getBytes(StandardCharsets.UTF_8);

        assertThat(connector.handshake(post("/", Map.of(WooCommerceConnector.SIGNATURE_HEADER, "x"), ping), channel)).isEmpty();
        assertThat(connector.handshake(post("/", Map.of(), "webhook_id=15&x=1".getBytes(StandardCharsets.UTF_8)), channel)).isEmpty();
        assertThat(connector.handshake(signed("order.created", fixture("woocommerce", "order.created.json")), channel)).isEmpty();
    }

    @Test
    void maps_the_recorded_order_to_its_golden_event() {
        InboundRequest request = signed("order.created", fixture("woocommerce", "order.created.json"));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        assertGolden(connector.map(request, channel).events(), "woocommerce/golden/order.created.json");
    }

    @Test
    void a_compact_wp_json_encode_body_verifies_as_sent_and_maps_to_the_same_events() {
        InboundRequest compact = signed("order.created", resource("woocommerce/order.created.wp_json_encode.json"));

        assertThat(connector.verify(compact, channel).isVerified()).isTrue();
        assertGolden(connector.map(compact, channel).events(), "woocommerce/golden/order.created.json");
    }

    @Test
    void an_update_to_cancelled_is_a_cancellation_and_other_updates_differ_by_modification_time() {
        String body = new String(fixture("woocommerce", "order.created.json"), StandardCharsets.UTF_8);
        ChannelEvent updated = connector.map(signed("order.updated", body.getBytes(StandardCharsets.UTF_8)), channel).events().get(0);
        ChannelEvent cancelled = connector.map(signed("order.updated",
                body.replace("\"status\": \"processing\"", "\"status\": \"cancelled\"").getBytes(StandardCharsets.UTF_8)),
                channel).events().get(0);

        assertThat(updated.type()).isEqualTo(EventType.ORDER_UPDATED);
        assertThat(updated.occurredAt()).hasToString("2017-03-22T19:28:08Z");
        assertThat(cancelled.type()).isEqualTo(EventType.ORDER_CANCELLED);
        assertThat(cancelled.eventId()).isNotEqualTo(updated.eventId());
    }

    @Test
    void reports_an_unmapped_topic_as_unsupported() {
        MappingResult result = connector.map(signed("product.updated", "{\"id\":93}".getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.skipped().get(0).detail())
                .isEqualTo("woocommerce topic 'product.updated' is not mapped; mapped topics: order.created, order.updated");
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        String noGmt = new String(fixture("woocommerce", "order.created.json"), StandardCharsets.UTF_8)
                .replace("\"date_created_gmt\": \"2017-03-22T19:28:02\"", "\"date_created_gmt\": \"22/03/2017\"");
        assertThatThrownBy(() -> connector.map(signed("order.created", noGmt.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class)
                .hasMessage("order.date_created_gmt is not a date-time such as 2017-03-22T19:28:02: '22/03/2017'");
        assertThatThrownBy(() -> connector.map(signed("order.created", "webhook_id=1".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("woocommerce order.created request body is not JSON");
    }

    private static InboundRequest signed(String topic, byte[] body) {
        return post("/webhooks/wc-shop-us", Map.of(
                WooCommerceConnector.SIGNATURE_HEADER, Base64.getEncoder().encodeToString(Signatures.hmacSha256(SECRET, body)),
                "X-WC-Webhook-Topic", topic, "X-WC-Webhook-Source", "https://example.com/",
                "X-WC-Webhook-Delivery-ID", "1bd5ab2d8ef1e2a1a1e0a4f9f2c1c5b4", "Content-Type", "application/json"), body);
    }

    private static ChannelContext channel(String secret) {
        return new ChannelContext("wc-shop-us", ChannelKind.OWN_ECOMMERCE, "woocommerce", Map.of(),
                Secrets.of("wc-shop-us", Map.of("webhookSecret", secret)));
    }
}
