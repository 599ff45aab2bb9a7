package org.omnichannel.hub.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.omnichannel.hub.support.TopicReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbox rows written in the OFBiz stand-in travel through the real hub (embedded KRaft broker, omni.outbound)
 * to a local server answering as Shopify, Amazon SP-API and eBay do, with the real connectors' requests.
 */
class OutboundPushTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static OfbizStandIn ofbiz;
    private static VendorStandIn vendor;
    private static HubUnderTest hub;

    @BeforeAll
    static void start() throws Exception {
        ofbiz = OfbizStandIn.start(dir);
        vendor = VendorStandIn.start();
        HubUnderTest.writeChannels(dir, channels(dir, vendor));
        Map<String, String> properties = new HashMap<>(ofbiz.hubProperties(dir));
        properties.putAll(fastOutbound());
        hub = HubUnderTest.start(dir, properties);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (vendor != null) {
            vendor.close();
        }
        if (ofbiz != null) {
            ofbiz.close();
        }
    }

    /** The three channels, their secrets in files as an engineer would keep them. */
    static String channels(Path dir, VendorStandIn vendor) throws Exception {
        return """
                channels:
                  - id: shop-eu
                    system: shopify-stand-in
                    kind: OWN_ECOMMERCE
                    settings:
                      shopDomain: glasses-eu.myshopify.com
                      defaultLocationId: "655441491"
                      standInBaseUrl: %1$s
                      outboundRatePerSecond: "50"
                      outboundBurst: "5"
                    secrets:
                      adminApiToken: file:%2$s
                  - id: amazon-us
                    system: amazon-sp-api
                    kind: MARKETPLACE
                    settings:
                      region: na
                      sellerId: A3TH9S8BH6GOGM
                      marketplaceIds: ATVPDKIKX0DER
                      spApiEndpoint: %1$s
                      lwaEndpoint: %1$s/auth/o2/token
                    secrets:
                      lwaClientId: file:%3$s
                      lwaClientSecret: file:%4$s
                      lwaRefreshToken: file:%5$s
                  - id: ebay-us
                    system: ebay
                    kind: MARKETPLACE
                    settings:
                      endpointUrl: https://hub.example.com/webhooks/ebay-us
                      apiBaseUrl: %1$s
                    secrets:
                      clientId: file:%6$s
                      clientSecret: file:%7$s
                      refreshToken: file:%8$s
                """.formatted(vendor.baseUrl(), secret(dir, "shopify-token", VendorStandIn.SHOPIFY_TOKEN),
                secret(dir, "lwa-client-id", VendorStandIn.LWA_CLIENT_ID),
                secret(dir, "lwa-client-secret", VendorStandIn.LWA_CLIENT_SECRET),
                secret(dir, "lwa-refresh", VendorStandIn.LWA_REFRESH_TOKEN),
                secret(dir, "ebay-client-id", VendorStandIn.EBAY_CLIENT_ID),
                secret(dir, "ebay-client-secret", VendorStandIn.EBAY_CLIENT_SECRET),
                secret(dir, "ebay-refresh", VendorStandIn.EBAY_REFRESH_TOKEN));
    }

    static Map<String, String> fastOutbound() {
        return Map.of("omni.outbox.pollIntervalMs", "100", "omni.outbound.initialBackoffMs", "100",
                "omni.outbound.maxBackoffMs", "1000", "omni.outbound.coalesceMs", "300");
    }

    private static Path secret(Path dir, String name, String value) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, value);
        return file;
    }

    @Test
    void a_shopify_stock_level_reaches_inventory_levels_set_with_shopifys_request_shape() throws Exception {
        String cursor = ofbiz.addStockLevel("shop-eu", "GL-AVIATOR-BLK", "gid://shopify/InventoryItem/808950810", null, 7);

        List<VendorStandIn.Received> sent = vendor.await(r -> r.vendor().equals("shopify")
                && r.body().contains("808950810"), 1, WAIT);

        assertThat(sent).hasSize(1);
        VendorStandIn.Received request = sent.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/admin/api/2025-07/inventory_levels/set.json");
        assertThat(request.headers()).containsEntry("x-shopify-access-token", VendorStandIn.SHOPIFY_TOKEN)
                .containsEntry("content-type", "application/json");
        assertThat(request.json()).isEqualTo(JSON.readTree("{\"location_id\":655441491,\"inventory_item_id\":808950810,\"available\":7}"));
        assertThat(ofbiz.awaitAcknowledged(cursor, WAIT)).as("the hub acknowledged the entry to OFBiz").isTrue();
        awaitCount("shop-eu", "sent", 1);
    }

    @Test
    void an_amazon_stock_publish_reaches_the_stand_in_with_the_vendors_request_shape() throws Exception {
        ofbiz.addStockLevel("amazon-us", "GL-AVIATOR BLK", null, null, 7);

        List<VendorStandIn.Received> sent = vendor.await(r -> r.vendor().equals("amazon")
                && r.target().contains("GL-AVIATOR%20BLK"), 1, WAIT);

        assertThat(sent).hasSize(1);
        VendorStandIn.Received request = sent.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.target()).isEqualTo("/listings/2021-08-01/items/A3TH9S8BH6GOGM/GL-AVIATOR%20BLK?marketplaceIds=ATVPDKIKX0DER");
        assertThat(request.headers()).containsEntry("x-amz-access-token", VendorStandIn.LWA_ACCESS_TOKEN);
        assertThat(request.body()).isEqualTo("{\"productType\":\"PRODUCT\",\"patches\":[{\"op\":\"merge\","
                + "\"path\":\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":7}]}]}");
        assertThat(vendor.received("lwa")).isNotEmpty().allSatisfy(token ->
                assertThat(token.body()).startsWith("grant_type=refresh_token&refresh_token="));
    }

    @Test
    void ebay_levels_go_out_in_bulk_update_price_quantity_calls_of_at_most_25_skus() throws Exception {
        synchronized (ofbiz) { // one outbox read, as OFBiz writes a recount's levels in one transaction
            IntStream.range(0, 30).forEach(i -> ofbiz.addStockLevel("ebay-us", "GL-BULK-" + i, null, null, i));
        }

        List<VendorStandIn.Received> calls = awaitEbaySkus("GL-BULK-", 30);

        Map<String, Integer> quantities = new HashMap<>();
        for (VendorStandIn.Received call : calls) {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.target()).isEqualTo("/sell/inventory/v1/bulk_update_price_quantity");
            assertThat(call.headers()).containsEntry("authorization", "Bearer " + VendorStandIn.EBAY_USER_TOKEN);
            JsonNode requests = call.json().path("requests");
            assertThat(requests.size()).isBetween(1, 25);
            requests.forEach(r -> quantities.merge(r.path("sku").asText(), r.path("shipToLocationAvailability")
                    .path("quantity").asInt(), (a, b) -> -1));
        }
        assertThat(quantities).hasSize(30);
        IntStream.range(0, 30).forEach(i -> assertThat(quantities).containsEntry("GL-BULK-" + i, i));
        assertThat(calls.size()).as("levels were sent together, not one call each").isLessThan(30);
        assertThat(vendor.received("ebay-oauth")).isNotEmpty().allSatisfy(token -> assertThat(token.body())
                .contains("grant_type=refresh_token").contains("sell.inventory"));
    }

    @Test
    void a_429_with_retry_after_delays_the_push_and_loses_nothing() throws Exception {
        vendor.answerNext("shopify", 429, Map.of("Retry-After", "1.0"), "{\"errors\":\"Exceeded 2 calls per second for api "
                + "client. Reduce request rates to resume uninterrupted service.\"}");

        ofbiz.addStockLevel("shop-eu", "GL-ROUND-TOR", "808950811", null, 3);

        List<VendorStandIn.Received> attempts = vendor.await(r -> r.vendor().equals("shopify")
                && r.body().contains("808950811"), 2, WAIT);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).json()).isEqualTo(attempts.get(0).json());
        assertThat(Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos()))
                .as("the second attempt waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        awaitCount("shop-eu", "throttled", 1);
        assertThat(deadLetters(m -> m.contains("808950811"))).isEmpty();
    }

    @Test
    void ten_levels_of_one_sku_coalesce_into_fewer_sends_and_the_last_level_wins() throws Exception {
        synchronized (ofbiz) {
            IntStream.rangeClosed(1, 10).forEach(level -> ofbiz.addStockLevel("shop-eu", "GL-CAT-EYE", "808950812", null, level));
        }

        List<VendorStandIn.Received> last = vendor.await(r -> r.vendor().equals("shopify") && r.body().contains("808950812")
                && r.json().path("available").asInt() == 10, 1, WAIT);

        assertThat(last).hasSize(1);
        List<VendorStandIn.Received> sends = vendor.received("shopify").stream().filter(r -> r.body().contains("808950812")).toList();
        assertThat(sends.size()).isLessThan(10);
        assertThat(sends.get(sends.size() - 1).json().path("available").asInt()).isEqualTo(10);
        assertThat(hub.hub().metrics().count("omni.outbound.messages", "shop-eu", "coalesced")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_400_from_the_vendor_lands_on_the_outbound_dlq_with_the_reason() throws Exception {
        vendor.answerNext("amazon", 400, Map.of("x-amzn-RequestId", "5d3c1b2a-0f9e-4d8c-b7a6-9e8d7c6b5a41"),
                "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Request has missing or invalid parameters and cannot be "
                        + "parsed.\",\"details\":\"\"}]}");
        String cursor = ofbiz.addStockLevel("amazon-us", "GL-REFUSED-1", null, null, 4);
        String messageId = "OMNI-OB-" + Long.parseLong(cursor);

        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetter(messageId);

        assertThat(dead).hasSize(1);
        String reason = KafkaHeaders.text(dead.get(0).headers(), KafkaHeaders.REASON);
        assertThat(reason).isEqualTo("amazon-sp-api answered HTTP 400 to PATCH /listings/2021-08-01/items/A3TH9S8BH6GOGM/"
                + "GL-REFUSED-1: {\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Request has missing or invalid parameters "
                + "and cannot be parsed.\",\"details\":\"\"}]}");
        assertThat(KafkaHeaders.text(dead.get(0).headers(), OutboundPusher.VENDOR_STATUS_HEADER)).isEqualTo("400");
        assertThat(OutboxEntry.read(dead.get(0).value()).messageId()).isEqualTo(messageId);
        assertThat(reason).doesNotContain(VendorStandIn.LWA_ACCESS_TOKEN);
        // the channel goes on: the next level is pushed
        ofbiz.addStockLevel("amazon-us", "GL-AFTER-REFUSED", null, null, 5);
        assertThat(vendor.await(r -> r.target().contains("GL-AFTER-REFUSED"), 1, WAIT)).hasSize(1);
    }

    @Test
    void a_fulfilment_amazon_cannot_take_is_counted_unsupported_and_not_sent() throws Exception {
        double before = hub.hub().metrics().count("omni.outbound.messages", "amazon-us", "unsupported");
        ofbiz.addFulfilment("amazon-us", "902-1845936-5435065", "UPS", "1Z999");

        awaitCount("amazon-us", "unsupported", before + 1);
        assertThat(vendor.received("amazon")).noneMatch(r -> r.body().contains("1Z999"));
    }

    @Test
    void entries_for_an_unknown_channel_or_without_a_level_go_to_the_dlq_and_the_outbox_moves_on() throws Exception {
        String unknown = ofbiz.addStockLevel("shop-gone", "GL-X", null, null, 1);
        String noLevel = ofbiz.addOutboxEntry("shop-eu", "STOCK_LEVEL", JSON.createObjectNode().put("sku", "GL-Y"));
        String fine = ofbiz.addStockLevel("shop-eu", "GL-FINE", "808950813", null, 2);

        assertThat(vendor.await(r -> r.body().contains("808950813"), 1, WAIT)).hasSize(1);
        assertThat(KafkaHeaders.text(awaitDeadLetter("OMNI-OB-" + Long.parseLong(unknown)).get(0).headers(), KafkaHeaders.REASON))
                .isEqualTo("no enabled channel 'shop-gone' in the channels file: add or enable it, then replay");
        List<ConsumerRecord<String, byte[]>> bad = awaitDeadLetter(r -> noLevel.equals(KafkaHeaders.text(r.headers(),
                OutboxPoller.CURSOR_HEADER)));
        assertThat(KafkaHeaders.text(bad.get(0).headers(), KafkaHeaders.REASON))
                .isEqualTo("outbox entry OMNI-OB-" + Long.parseLong(noLevel) + ": payload.availableToSell is missing");
        assertThat(ofbiz.awaitAcknowledged(fine, WAIT)).isTrue();
    }

    @Test
    void health_shows_this_hub_polling_the_outbox_and_metrics_count_the_pushes() throws Exception {
        String cursor = ofbiz.addStockLevel("shop-eu", "GL-HEALTH", "808950814", null, 1);
        assertThat(ofbiz.awaitAcknowledged(cursor, WAIT)).isTrue();
        HttpClient http = HttpClient.newHttpClient();

        String health = http.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/health?data=true")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        awaitCount("shop-eu", "sent", 1);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(health).containsPattern("\"outbox.leader\"\\s*:\\s*true").containsPattern("\"outbox.cursor\"\\s*:\\s*\"" + cursor)
                .contains("\"name\":\"outbound\"").doesNotContain(OfbizStandIn.PASSWORD);
        assertThat(metrics).contains("omni_outbound_messages_total{channel=\"shop-eu\",outcome=\"sent\"}")
                .contains("omni_outbox_published_total").contains("omni_outbox_lag_seconds");
    }

    private static List<VendorStandIn.Received> awaitEbaySkus(String prefix, int skus) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<VendorStandIn.Received> calls = vendor.received("ebay").stream().filter(r -> r.body().contains(prefix)).toList();
            long seen = calls.stream().mapToLong(r -> r.json().path("requests").size()).sum();
            if (seen >= skus || System.nanoTime() > deadline) {
                return calls;
            }
            vendor.await(r -> false, 1, Duration.ofMillis(100)); // waits on the stand-in's monitor
        }
    }

    private static void awaitCount(String channel, String outcome, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.hub().metrics().count("omni.outbound.messages", channel, outcome) < atLeast) {
            assertThat(System.nanoTime()).as("waiting for " + outcome + " on " + channel).isLessThan(deadline);
            vendor.await(r -> false, 1, Duration.ofMillis(100));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetter(String messageId) {
        return awaitDeadLetter(r -> messageId.equals(KafkaHeaders.text(r.headers(), OutboxPoller.MESSAGE_ID_HEADER)));
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetter(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(hub.bootstrapServers(), HubTopics.OUTBOUND_DLQ, match);
            if (!dead.isEmpty() || System.nanoTime() > deadline) {
                return dead;
            }
        }
    }

    private static List<String> deadLetters(java.util.function.Predicate<String> body) {
        return TopicReader.readAll(hub.bootstrapServers(), HubTopics.OUTBOUND_DLQ).stream()
                .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).filter(body).toList();
    }
}
