package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;

class SquareConnectorTest {

    private static final String VECTOR_KEY = "Ibxx_5AKakO-3qeNVR61Dw";
    private static final String VECTOR_URL = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
    private static final String VECTOR_SIGNATURE = "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=";
    private static final String KEY = "store-sf-test-signature-key";
    private static final String URL = "https://hub.example.com/webhooks/store-sf";

    private final SquareConnector connector = new SquareConnector();
    private final ChannelContext channel = channel(KEY, URL);

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("square")).isInstanceOf(SquareConnector.class);
    }

    @Test
    void accepts_the_official_sdk_vectors() {
        byte[] body = fixture("square", "webhooks.test_notification.signed-body.json");
        assertThat(connector.verify(request(body, VECTOR_SIGNATURE), channel(VECTOR_KEY, VECTOR_URL)).isVerified()).isTrue();

        byte[] escaped = "{\"data\":{\"type\":\"webhooks\",\"id\":\">id<\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(connector.verify(request(escaped, "Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U="),
                channel("signature-key", "https://webhook.site/webhooks")).isVerified()).isTrue();
    }

    @Test
    void takes_the_url_the_request_came_to_when_no_notification_url_is_set() {
        byte[] body = fixture("square", "webhooks.test_notification.signed-body.json");
        InboundRequest request = post(VECTOR_URL, Map.of(SquareConnector.SIGNATURE_HEADER, VECTOR_SIGNATURE), body);

        assertThat(connector.verify(request, channel(VECTOR_KEY, null)).isVerified()).isTrue();
        assertThat(connector.verify(post("/webhooks/store-sf", Map.of(SquareConnector.SIGNATURE_HEADER, VECTOR_SIGNATURE), body),
                channel(VECTOR_KEY, null)).isVerified()).isFalse();
    }

    @Test
    void rejects_the_sdk_negative_cases() throws Exception {
        byte[] body = fixture("square", "webhooks.test_notification.signed-body.json");
        String text = new String(body, StandardCharsets.UTF_8);
        byte[] otherDate = text.replace("2022-07-13T", "2022-06-13T").getBytes(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        byte[] pretty = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(body));

        assertThat(connector.verify(request(body, VECTOR_SIGNATURE),
                channel(VECTOR_KEY, "https://webhook.site/79a4f3a-dcfa-49ee-bac5-9d0edad886b9")))
                .isEqualTo(Verification.rejected("x-square-hmacsha256-signature does not match the notification URL and body"));
        assertThat(connector.verify(request(body, VECTOR_SIGNATURE), channel("MCmhFRxGX82xMwg5FsaoQA", VECTOR_URL)).isVerified()).isFalse();
        assertThat(connector.verify(request(body, "1z2n3DEJJiUPKcPzQo1ftvbxGdw="), channel(VECTOR_KEY, VECTOR_URL)).isVerified()).isFalse();
        assertThat(connector.verify(request(otherDate, VECTOR_SIGNATURE), channel(VECTOR_KEY, VECTOR_URL)).isVerified()).isFalse();
        assertThat(connector.verify(request(pretty, VECTOR_SIGNATURE), channel(VECTOR_KEY, VECTOR_URL)).isVerified()).isFalse();
    }

    @Test
    void rejects_a_missing_signature_and_the_deprecated_sha1_header() {
        byte[] body = fixture("square", "payment.updated.json");

        assertThat(connector.verify(post(URL, Map.of(), body), channel))
                .isEqualTo(Verification.rejected("missing x-square-hmacsha256-signature header"));
        assertThat(connector.verify(post(URL, Map.of("x-square-signature", "1z2n3DEJJiUPKcPzQo1ftvbxGdw="), body), channel))
                .isEqualTo(Verification.rejected("only the deprecated x-square-signature (HMAC-SHA1) was sent; "
                        + "x-square-hmacsha256-signature is required"));
    }

    @ParameterizedTest(name = "{0} maps to its golden file")
    @CsvSource({
            "payment.updated.json, square/golden/payment.updated.json",
            "refund.created.json, square/golden/refund.created.json",
            "customer.created.json, square/golden/customer.created.json",
            "inventory.count.updated.json, square/golden/inventory.count.updated.json"})
    void maps_each_recorded_payload_to_its_golden_events(String fixture, String golden) {
        InboundRequest request = signed(fixture("square", fixture));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        MappingResult result = connector.map(request, channel);
        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), golden);
    }

    @ParameterizedTest(name = "{0} is acknowledged without events, reported as {1}")
    @CsvSource(delimiter = '|', value = {
            "payment.created.json|NOT_ACTIONABLE|square payment hYy9pRFVxpDsO1FB05SunFWUe9JZY is APPROVED; it is mapped once COMPLETED",
            "order.created.json|SUMMARY_ONLY|square order.created for order eA3vssLHKJrv9H0IdJCM3gNqfdcZY carries only a summary; fetch it with GET /v2/orders/eA3vssLHKJrv9H0IdJCM3gNqfdcZY",
            "order.fulfillment.updated.json|SUMMARY_ONLY|square order.fulfillment.updated for order eA3vssLHKJrv9H0IdJCM3gNqfdcZY carries only a summary; fetch it with GET /v2/orders/eA3vssLHKJrv9H0IdJCM3gNqfdcZY",
            "webhooks.test_notification.signed-body.json|NOT_ACTIONABLE|square test notification ac3ac95b-f97d-458c-a6e6-18981597e05f",
            "catalog.version.updated.json|UNSUPPORTED_TYPE|square event type 'catalog.version.updated' (aeaaa5f6-c4fd-4e93-b688-71b50706266f) is not mapped; mapped types: payment.created, payment.updated, refund.created, refund.updated, customer.created, customer.updated, inventory.count.updated"})
    void reports_notifications_that_produce_no_event(String fixture, SkipReason reason, String detail) {
        MappingResult result = connector.map(signed(fixture("square", fixture)), channel);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).containsExactly(new MappingResult.Skipped(reason, detail));
        assertThat(result.acknowledgement().status()).isEqualTo(202);
    }

    @Test
    void a_payment_completed_in_its_created_notification_is_the_same_event_as_in_the_update() {
        String created = new String(fixture("square", "payment.created.json"), StandardCharsets.UTF_8)
                .replace("\"status\": \"APPROVED\"", "\"status\": \"COMPLETED\"");

        String fromCreated = connector.map(signed(created.getBytes(StandardCharsets.UTF_8)), channel).events().get(0).eventId();
        String fromUpdated = connector.map(signed(fixture("square", "payment.updated.json")), channel).events().get(0).eventId();

        assertThat(fromCreated).isEqualTo(fromUpdated);
    }

    @Test
    void a_failed_refund_and_a_count_that_is_not_in_stock_produce_no_event_but_say_why() {
        String failed = new String(fixture("square", "refund.created.json"), StandardCharsets.UTF_8)
                .replace("\"status\": \"PENDING\"", "\"status\": \"FAILED\"");
        String sold = new String(fixture("square", "inventory.count.updated.json"), StandardCharsets.UTF_8)
                .replace("\"state\": \"IN_STOCK\"", "\"state\": \"SOLD\"");

        MappingResult refund = connector.map(signed(failed.getBytes(StandardCharsets.UTF_8)), channel);
        MappingResult count = connector.map(signed(sold.getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(refund.events()).isEmpty();
        assertThat(refund.skipped().get(0).detail()).endsWith("is FAILED: nothing was given back");
        assertThat(count.events()).isEmpty();
        assertThat(count.skipped().get(0).detail())
                .isEqualTo("square count of FGQ5JJWT2PYTHF35CKZ2DSKP at YYQR03DGCTXA4 is in state SOLD, not IN_STOCK");
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        assertThatThrownBy(() -> connector.map(signed("{\"merchant_id\":\"M\",\"type\":\"payment.updated\"}".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("notification.data is missing or not an object");
        String noMoney = new String(fixture("square", "refund.created.json"), StandardCharsets.UTF_8).replace("amount_money", "amount_moneys");
        assertThatThrownBy(() -> connector.map(signed(noMoney.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("refund.amount_money is missing or not an object");
    }

    private static InboundRequest request(byte[] body, String signature) {
        return post("/webhooks/store-sf", Map.of(SquareConnector.SIGNATURE_HEADER, signature), body);
    }

    private static InboundRequest signed(byte[] body) {
        byte[] url = URL.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[url.length + body.length];
        System.arraycopy(url, 0, signed, 0, url.length);
        System.arraycopy(body, 0, signed, url.length, body.length);
        return post("/webhooks/store-sf", Map.of(SquareConnector.SIGNATURE_HEADER,
                Base64.getEncoder().encodeToString(Signatures.hmacSha256(KEY, signed)), "Content-Type", "application/json"), body);
    }

    private static ChannelContext channel(String key, String url) {
        return new ChannelContext("store-sf", ChannelKind.OFFLINE_DIRECT, "square",
                url == null ? Map.of() : Map.of("notificationUrl", url), Secrets.of("store-sf", Map.of("webhookSecret", key)));
    }
}
