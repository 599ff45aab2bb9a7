package org.omnichannel.connector.stripe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.RECEIVED_AT;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;
import static org.omnichannel.connector.testing.WebGolden.resource;

class StripeConnectorTest {

    private static final long VECTOR_T = 1533204620L;
    private static final String VECTOR_HEADER = "t=1533204620,v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7,"
            + "v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef";
    private static final String SECRET = "whsec_pay_eu_test_secret";

    private final ChannelContext vectorChannel = channel("webhook_secret", Map.of());
    private final ChannelContext channel = channel(SECRET, Map.of());
    private final StripeConnector connector = new StripeConnector(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC));

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("stripe")).isInstanceOf(StripeConnector.class);
    }

    @Test
    void accepts_the_official_sdk_test_vector_at_its_time() {
        assertThat(at(VECTOR_T + 100).verify(vectorRequest(fixture("stripe", "event_test_signature.customer.created.json")),
                vectorChannel).isVerified()).isTrue();
    }

    @Test
    void rejects_the_vector_body_without_its_trailing_newline_or_with_more_bytes() {
        byte[] body = fixture("stripe", "event_test_signature.customer.created.json");
        byte[] trimmed = new String(body, StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8);
        byte[] longer = (new String(body, StandardCharsets.UTF_8) + "this_changes_the_json").getBytes(StandardCharsets.UTF_8);

        assertThat(at(VECTOR_T).verify(vectorRequest(trimmed), vectorChannel))
                .isEqualTo(Verification.rejected("no v1 signature matches the body"));
        assertThat(at(VECTOR_T).verify(vectorRequest(longer), vectorChannel).isVerified()).isFalse();
    }

    @Test
    void rejects_the_vector_outside_the_tolerance() {
        assertThat(at(VECTOR_T + 400).verify(vectorRequest(fixture("stripe", "event_test_signature.customer.created.json")),
                vectorChannel)).isEqualTo(Verification.rejected("timestamp is 400 s away from now; tolerance is 300 s"));
    }

    @Test
    void rejects_a_request_without_signature_or_with_only_v0() {
        byte[] body = fixture("stripe", "event_test_signature.customer.created.json");

        assertThat(at(VECTOR_T).verify(post("/", Map.of(), body), vectorChannel))
                .isEqualTo(Verification.rejected("missing Stripe-Signature header"));
        assertThat(at(VECTOR_T).verify(post("/", Map.of("Stripe-Signature",
                "t=1533204620,v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef"), body), vectorChannel))
                .isEqualTo(Verification.rejected("Stripe-Signature has no v1 signature"));
    }

    @ParameterizedTest(name = "rejects the malformed header ''{0}''")
    @ValueSource(strings = {"t=,v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7", "t,v1=,v0=", "t,v1=,v0",
            "t,v1=,", "t,,", ",,", "t"})
    void rejects_malformed_headers_like_the_stripe_sdk(String header) {
        Verification verdict = at(VECTOR_T).verify(post("/", Map.of("Stripe-Signature", header),
                fixture("stripe", "event_test_signature.customer.created.json")), vectorChannel);

        assertThat(verdict.isVerified()).isFalse();
    }

    @Test
    void accepts_the_new_secret_while_a_rotation_sends_two_v1_signatures() {
        byte[] body = fixture("stripe", "event_test_signature.customer.created.json");
        String header = "t=1533204620,v1=" + hmac("old_secret", VECTOR_T, body)
                + ",v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7";

        assertThat(at(VECTOR_T).verify(post("/", Map.of("Stripe-Signature", header), body), vectorChannel).isVerified()).isTrue();
    }

    @ParameterizedTest(name = "{0} maps to its golden file")
    @CsvSource({
            "stripe/payment_intent.succeeded.consistent.json, stripe/golden/payment_intent.succeeded.json",
            "stripe/charge.refunded.consistent.json, stripe/golden/charge.refunded.json",
            "stripe/checkout.session.completed.consistent.json, stripe/golden/checkout.session.completed.json"})
    void maps_each_consistent_payload_to_its_golden_events(String payload, String golden) {
        InboundRequest request = signed(resource(payload));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        MappingResult result = connector.map(request, channel);
        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), golden);
    }

    @Test
    void maps_the_signature_vectors_customer_created_event_to_a_profile_update() {
        InboundRequest request = vectorRequest(fixture("stripe", "event_test_signature.customer.created.json"));

        assertGolden(connector.map(request, vectorChannel).events(), "stripe/golden/customer.created.json");
    }

    @Test
    void each_customer_update_is_its_own_profile_event() {
        String body = new String(fixture("stripe", "event_test_signature.customer.created.json"), StandardCharsets.UTF_8);
        String updated = body.replace("customer.created", "customer.updated").replace("evt_123", "evt_456");

        var first = connector.map(signed(body.getBytes(StandardCharsets.UTF_8)), channel).events().get(0);
        var second = connector.map(signed(updated.getBytes(StandardCharsets.UTF_8)), channel).events().get(0);

        assertThat(second.type()).isEqualTo(first.type());
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(second.identities()).isEqualTo(first.identities());
    }

    @ParameterizedTest(name = "refuses the verbatim {0} whose object contradicts the event")
    @CsvSource(delimiter = '|', value = {
            "payment_intent.succeeded.ASSEMBLED.json|payment_intent pi_1PgafyB7WZ01zgkWSjxsAJo3 is in a payment_intent.succeeded event but has status 'requires_payment_method' and amount_received 0: nothing was captured",
            "charge.refunded.ASSEMBLED.json|charge ch_1PgafuB7WZ01zgkWXYmPNZs8 is in a charge.refunded event but amount_refunded is 0: nothing was refunded",
            "checkout.session.completed.ASSEMBLED.json|checkout.session cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY has no currency or amount_total (status 'open'): a completed session always has both"})
    void refuses_the_assembled_fixtures_whose_state_contradicts_the_event(String fixture, String message) {
        InboundRequest request = signed(fixture("stripe", fixture));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        assertThatThrownBy(() -> connector.map(request, channel)).isInstanceOf(BadPayloadException.class).hasMessage(message);
    }

    @Test
    void reports_an_unmapped_event_type_as_unsupported() {
        MappingResult result = connector.map(signed(fixture("stripe", "event.envelope.example.json")), channel);

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.events()).isEmpty();
        assertThat(result.skipped().get(0).detail())
                .startsWith("stripe event type 'plan.created' (evt_1Pgc76B7WZ01zgkWwyRHS12y) is not mapped");
    }

    @Test
    void takes_the_order_id_from_the_metadata_key_the_channel_names() {
        String body = new String(resource("stripe/payment_intent.succeeded.consistent.json"), StandardCharsets.UTF_8)
                .replace("\"metadata\": {}", "\"metadata\": {\"ofbiz_order\": \"WS10021\"}");
        ChannelContext named = channel(SECRET, Map.of("orderIdMetadataKey", "ofbiz_order"));

        PaymentPayload payment = connector.map(signed(body.getBytes(StandardCharsets.UTF_8)), named).events().get(0)
                .payloadAs(PaymentPayload.class);

        assertThat(payment.orderId()).isEqualTo("WS10021");
        assertThat(payment.amount().amountMinor()).isEqualTo(1099);
    }

    @Test
    void a_refund_without_listed_refunds_is_the_difference_to_the_previous_amount_refunded() {
        String body = new String(resource("stripe/charge.refunded.consistent.json"), StandardCharsets.UTF_8)
                .replaceFirst("(?s)\"data\": \\[\\s*\\{.*?\"payment_method\": null\\s*}\\s*]", "\"data\": []")
                .replace("\"amount_refunded\": 100", "\"amount_refunded\": 80")
                .replace("\"object\": {", "\"previous_attributes\": {\"amount_refunded\": 30}, \"object\": {");

        RefundPayload refund = connector.map(signed(body.getBytes(StandardCharsets.UTF_8)), channel).events().get(0)
                .payloadAs(RefundPayload.class);

        assertThat(refund.amount().amountMinor()).isEqualTo(50);
        assertThat(refund.refundId()).isEqualTo("ch_1PgafuB7WZ01zgkWXYmPNZs8@80");
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        assertThatThrownBy(() -> connector.map(signed("[1,2]".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("stripe request body is not a JSON object");
        assertThatThrownBy(() -> connector.map(signed("{\"id\":\"evt_1\",\"type\":\"charge.refunded\",\"created\":1}"
                .getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("event.data is missing or not an object");
    }

    private StripeConnector at(long epochSecond) {
        return new StripeConnector(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static InboundRequest vectorRequest(byte[] body) {
        return post("/webhooks/pay-eu", Map.of("Stripe-Signature", VECTOR_HEADER, "Content-Type", "application/json; charset=utf-8"), body);
    }

    private static InboundRequest signed(byte[] body) {
        long t = RECEIVED_AT.getEpochSecond();
        return post("/webhooks/pay-eu", Map.of("Stripe-Signature", "t=" + t + ",v1=" + hmac(SECRET, t, body),
                "Content-Type", "application/json"), body);
    }

    private static String hmac(String secret, long t, byte[] body) {
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(Signatures.hmacSha256(secret, signed));
    }

    private static ChannelContext channel(String secret, Map<String, String> settings) {
        return new ChannelContext("pay-eu", ChannelKind.OWN_ECOMMERCE, "stripe", settings,
                Secrets.of("pay-eu", Map.of("webhookSecret", secret)));
    }
}
