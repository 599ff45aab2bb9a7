package org.omnichannel.connector.shopify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.OrderPayload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;

class ShopifyConnectorTest {

    private static final String SECRET = "shop-eu-test-secret";
    private static final String SHOP = "jsmith.myshopify.com";
    private final ShopifyConnector connector = new ShopifyConnector();
    private final ChannelContext channel = channel(SECRET, Map.of());

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("shopify")).isInstanceOf(ShopifyConnector.class);
    }

    @Test
    void accepts_the_official_sdk_test_vector() {
        InboundRequest request = post("/webhooks/shop-eu", Map.of(
                "X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "X-Shopify-Topic", "products/create", "X-Shopify-Shop-Domain", "shop1.myshopify.io",
                "X-Shopify-API-Version", "2023-01", "X-Shopify-Webhook-Id", "123456789"),
                fixture("shopify", "hmac-vector.body.txt"));

        assertThat(connector.verify(request, channel("test_secret_key", Map.of())).isVerified()).isTrue();
    }

    @Test
    void rejects_a_tampered_shopify_signature() {
        byte[] body = "{\"foo\": \"baz\"}".getBytes(StandardCharsets.UTF_8);
        InboundRequest request = post("/webhooks/shop-eu", Map.of(
                "X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "X-Shopify-Topic", "products/create"), body);

        assertThat(connector.verify(request, channel("test_secret_key", Map.of())))
                .isEqualTo(Verification.rejected("X-Shopify-Hmac-Sha256 does not match the body"));
    }

    @Test
    void rejects_a_signature_made_with_another_secret_or_not_base64() {
        byte[] body = fixture("shopify", "hmac-vector.body.txt");
        InboundRequest wrongKey = post("/", Map.of("X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="), body);
        InboundRequest garbage = post("/", Map.of("X-Shopify-Hmac-Sha256", "invalid"), body);

        assertThat(connector.verify(wrongKey, channel).isVerified()).isFalse();
        assertThat(connector.verify(garbage, channel("test_secret_key", Map.of())).isVerified()).isFalse();
    }

    @Test
    void rejects_a_request_without_signature_instead_of_skipping_the_check() {
        InboundRequest request = post("/", Map.of("X-Shopify-Topic", "orders/create"), fixture("shopify", "orders.rest-resource.json"));

        assertThat(connector.verify(request, channel)).isEqualTo(Verification.rejected("missing X-Shopify-Hmac-Sha256 header"));
    }

    @Test
    void accepts_the_newer_header_family_without_the_x_prefix() {
        byte[] body = fixture("shopify", "hmac-vector.body.txt");
        InboundRequest request = post("/", Map.of("shopify-hmac-sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "shopify-topic", "products/create"), body);

        assertThat(connector.verify(request, channel("test_secret_key", Map.of())).isVerified()).isTrue();
    }

    @Test
    void refuses_a_delivery_for_another_shop_when_the_channel_names_its_shop() {
        InboundRequest request = signed("orders/create", fixture("shopify", "orders.rest-resource.json"));
        ChannelContext otherShop = channel(SECRET, Map.of("shopDomain", "other.myshopify.com"));

        assertThat(connector.verify(request, otherShop)).isEqualTo(Verification.rejected(
                "delivery is for shop 'jsmith.myshopify.com' but the channel is for 'other.myshopify.com'"));
    }

    @ParameterizedTest(name = "{0} maps to its golden file")
    @CsvSource({
            "orders/create, orders.rest-resource.json, shopify/golden/orders-create.json",
            "orders/updated, orders.rest-resource.json, shopify/golden/orders-updated.json",
            "refunds/create, refunds.rest-resource.json, shopify/golden/refunds-create.json",
            "customers/create, customers.rest-resource.json, shopify/golden/customers-create.json",
            "inventory_levels/update, inventory_levels.rest-resource.json, shopify/golden/inventory-levels-update.json"})
    void maps_each_recorded_payload_to_its_golden_events(String topic, String fixture, String golden) {
        InboundRequest request = signed(topic, fixture("shopify", fixture));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        MappingResult result = connector.map(request, channel);
        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), golden);
    }

    @Test
    void an_order_update_with_cancelled_at_is_a_cancellation() {
        String body = new String(fixture("shopify", "orders.rest-resource.json"), StandardCharsets.UTF_8)
                .replace("\"cancelled_at\": null", "\"cancelled_at\": \"2008-01-11T09:30:00-05:00\"");

        ChannelEvent event = connector.map(signed("orders/updated", body.getBytes(StandardCharsets.UTF_8)), channel).events().get(0);

        assertThat(event.type()).isEqualTo(EventType.ORDER_CANCELLED);
        assertThat(event.occurredAt()).hasToString("2008-01-11T14:30:00Z");
        assertThat(event.payloadAs(OrderPayload.class).orderId()).isEqualTo("450789469");
        ChannelEvent byTopic = connector.map(signed("orders/cancelled", body.getBytes(StandardCharsets.UTF_8)), channel).events().get(0);
        assertThat(byTopic.type()).isEqualTo(EventType.ORDER_CANCELLED);
        assertThat(byTopic.eventId()).as("one cancellation, whichever topic brings it").isEqualTo(event.eventId());
    }

    @Test
    void the_same_delivery_twice_has_one_event_id_and_a_later_update_another() {
        byte[] body = fixture("shopify", "orders.rest-resource.json");
        String first = connector.map(signed("orders/updated", body), channel).events().get(0).eventId();
        String again = connector.map(signed("orders/updated", body), channel).events().get(0).eventId();
        String later = connector.map(signed("orders/updated", new String(body, StandardCharsets.UTF_8)
                .replace("\"updated_at\": \"2008-01-10T11:00:00-05:00\"", "\"updated_at\": \"2008-01-12T11:00:00-05:00\"")
                .getBytes(StandardCharsets.UTF_8)), channel).events().get(0).eventId();

        assertThat(again).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void reports_an_unmapped_topic_as_unsupported_rather_than_dropping_it() {
        MappingResult result = connector.map(signed("products/create", fixture("shopify", "hmac-vector.body.txt")), channel);

        assertThat(result.events()).isEmpty();
        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.skipped().get(0).detail()).startsWith("shopify topic 'products/create' is not mapped; mapped topics: orders/create");
        assertThat(result.acknowledgement().status()).isEqualTo(202);
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        assertThatThrownBy(() -> connector.map(signed("orders/create", "{\"id\": 1,".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("shopify orders/create request body is not JSON");
        String noTotal = new String(fixture("shopify", "orders.rest-resource.json"), StandardCharsets.UTF_8)
                .replace("\"total_price\":", "\"was_total_price\":");
        assertThatThrownBy(() -> connector.map(signed("orders/create", noTotal.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("order.total_price is missing");
        InboundRequest noTopic = post("/", Map.of("X-Shopify-Hmac-Sha256", "x"), fixture("shopify", "orders.rest-resource.json"));
        assertThatThrownBy(() -> connector.map(noTopic, channel))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("missing X-Shopify-Topic header");
        Map<String, String> xml = new HashMap<>(headers("orders/create", new byte[0]));
        xml.put("Content-Type", "application/xml");
        assertThatThrownBy(() -> connector.map(post("/", xml, "<order/>".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("Content-Type 'application/xml'");
    }

    private static InboundRequest signed(String topic, byte[] body) {
        return post("/webhooks/shop-eu", headers(topic, body), body);
    }

    private static Map<String, String> headers(String topic, byte[] body) {
        return Map.of("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(Signatures.hmacSha256(SECRET, body)),
                "X-Shopify-Topic", topic, "X-Shopify-Shop-Domain", SHOP, "X-Shopify-API-Version", "2025-07",
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "Content-Type", "application/json");
    }

    private static ChannelContext channel(String secret, Map<String, String> settings) {
        return new ChannelContext("shop-eu", ChannelKind.OWN_ECOMMERCE, "shopify", settings,
                Secrets.of("shop-eu", Map.of("webhookSecret", secret)));
    }
}
