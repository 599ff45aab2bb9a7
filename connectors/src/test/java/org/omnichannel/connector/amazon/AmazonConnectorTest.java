package org.omnichannel.connector.amazon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Verification;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.fixture;
import static org.omnichannel.connector.testing.Golden.post;

class AmazonConnectorTest {

    private final AmazonConnector connector = new AmazonConnector();
    private final ChannelContext channel = AmazonOrderFetcherTest.channel(Map.of("region", "na"));

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("amazon-sp-api")).isInstanceOf(AmazonConnector.class);
    }

    @Test
    void accepts_what_came_through_sqs_and_refuses_anything_posted_over_http() {
        byte[] body = fixture("amazon-sp-api", "OrderChangeNotification.example.json");

        assertThat(connector.verify(sqs(body), channel).isVerified()).isTrue();
        assertThat(connector.verify(post("/webhooks/amazon", Map.of(), body), channel)).isEqualTo(Verification.rejected(
                "SP-API notifications arrive through SQS, never as HTTP POST; this request is not from Amazon"));
    }

    @Test
    void refuses_a_notification_for_another_application_when_the_channel_names_its_own() {
        byte[] body = fixture("amazon-sp-api", "ItemInventoryEventChangeNotification.example.json");
        ChannelContext mine = AmazonOrderFetcherTest.channel(Map.of("applicationId", "amzn1.sellerapps.app.mine"));
        ChannelContext theirs = AmazonOrderFetcherTest.channel(Map.of("applicationId",
                "amzn1.sellerapps.app.aacccfff-4455-4b7c-4422-664ecacdd336"));

        assertThat(connector.verify(sqs(body), mine)).isEqualTo(Verification.rejected("notification is for application "
                + "'amzn1.sellerapps.app.aacccfff-4455-4b7c-4422-664ecacdd336' but the channel is for 'amzn1.sellerapps.app.mine'"));
        assertThat(connector.verify(sqs(body), theirs).isVerified()).as("camelCase envelope read").isTrue();
    }

    @ParameterizedTest(name = "{0} maps to its golden file")
    @CsvSource({
            "ListingsItemMfnQuantityChange.example.json, amazon/golden/listings-item-mfn-quantity-change.json",
            "ItemInventoryEventChangeNotification.example.json, amazon/golden/item-inventory-event-change.json"})
    void maps_each_stock_notification_to_its_golden_events(String fixture, String golden) {
        MappingResult result = connector.map(sqs(fixture("amazon-sp-api", fixture)), channel);

        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), golden);
    }

    @Test
    void an_order_change_maps_to_no_event_but_names_the_order_to_fetch() {
        InboundRequest request = sqs(fixture("amazon-sp-api", "OrderChangeNotification.example.json"));

        MappingResult result = connector.map(request, channel);
        AmazonOrderRef ref = AmazonOrderRef.of(request).orElseThrow();

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).containsExactly(new MappingResult.Skipped(SkipReason.SUMMARY_ONLY,
                "amazon ORDER_CHANGE d0e9e693-c3ad-4373-979f-ed4ec98dd746: order 903-8868176-2219830 (marketplace "
                        + "ATVPDKIKX0DER) is fetched from the Orders API"));
        assertThat(ref).isEqualTo(new AmazonOrderRef("903-8868176-2219830", "ATVPDKIKX0DER", "A3TH9S8BH6GOGM",
                "d0e9e693-c3ad-4373-979f-ed4ec98dd746", Instant.parse("2020-01-11T00:09:53.109Z")));
        assertThat(AmazonOrderRef.of(sqs(fixture("amazon-sp-api", "ListingsItemMfnQuantityChange.example.json")))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is acknowledged and reported unsupported")
    @ValueSource(strings = {"AnyOfferChangedNotification.example.json", "ReportProcessingFinishedNotification.1.example.json",
            "ItemSalesEventChangeNotification.example.json", "FulfillmentOrderStatusNotification.example.json"})
    void reports_other_notification_types_as_unsupported(String fixture) {
        MappingResult result = connector.map(sqs(fixture("amazon-sp-api", fixture)), channel);

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.skipped().get(0).detail()).contains("is not mapped; mapped types: ORDER_CHANGE");
    }

    @Test
    void a_redelivered_stock_notification_has_the_same_event_ids() {
        byte[] body = fixture("amazon-sp-api", "ItemInventoryEventChangeNotification.example.json");

        List<String> first = connector.map(sqs(body), channel).events().stream().map(e -> e.eventId()).toList();
        List<String> again = connector.map(sqs(body), channel).events().stream().map(e -> e.eventId()).toList();

        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
    }

    @Test
    void names_what_is_wrong_with_a_bad_notification() {
        assertThatThrownBy(() -> connector.map(sqs("{\"Payload\":{}}".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("amazon notification has no NotificationType (or notificationType)");
        String noOrder = new String(fixture("amazon-sp-api", "OrderChangeNotification.example.json"), StandardCharsets.UTF_8)
                .replace("903-8868176-2219830", "not-an-order");
        assertThatThrownBy(() -> connector.map(sqs(noOrder.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("AmazonOrderId 'not-an-order' is not an Amazon order id (3-7-7 digits)");
        String noSku = new String(fixture("amazon-sp-api", "ListingsItemMfnQuantityChange.example.json"), StandardCharsets.UTF_8)
                .replace("\"Sku\"", "\"SKU\"");
        assertThatThrownBy(() -> connector.map(sqs(noSku.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("Payload.Sku is missing");
    }

    @Test
    void an_amazon_stock_publish_reaches_the_stand_in_with_the_listings_items_request_shape() throws Exception {
        try (SpApiStandIn standIn = new SpApiStandIn()) {
            HttpClient http = HttpClient.newHttpClient();
            TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
            AmazonConnector local = new AmazonConnector(new LwaTokens(http, clock), c -> standIn.endpoints());
            ChannelContext seller = AmazonOrderFetcherTest.channel(Map.of("sellerId", "A3TH9S8BH6GOGM",
                    "marketplaceIds", "ATVPDKIKX0DER"));

            List<OutboundRequest> requests = local.outbound(new OutboundMessage.StockLevel("OMNI-OB-1042", "amazon-us",
                    "GL-AVIATOR BLK", null, null, new BigDecimal("7")), seller);
            OutboundRequest request = requests.get(0);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(request.uri())
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()))
                    .headers(request.headers().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                            .toArray(String[]::new)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(standIn.calls).containsExactly("patchListingsItem PATCH /listings/2021-08-01/items/A3TH9S8BH6GOGM/"
                    + "GL-AVIATOR%20BLK?marketplaceIds=ATVPDKIKX0DER");
            assertThat(new String(standIn.patches.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"productType\":\"PRODUCT\","
                    + "\"patches\":[{\"op\":\"merge\",\"path\":\"/attributes/fulfillment_availability\","
                    + "\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":7}]}]}");
            assertThat(request.headers()).containsEntry("x-amz-access-token", SpApiStandIn.ACCESS_TOKEN);
            assertThat(local.outbound(new OutboundMessage.FulfilmentNotice("m", "amazon-us", "1", null, null, null, null),
                    seller)).isEmpty();
            assertThatThrownBy(() -> local.outbound(new OutboundMessage.StockLevel("OMNI-OB-1043", "amazon-us", "GL-X",
                    null, null, new BigDecimal("2.5")), seller)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("stock level OMNI-OB-1043: Amazon takes whole units, got 2.5");
        }
    }

    @Test
    void the_production_endpoints_follow_the_channels_region() {
        assertThat(SpApiEndpoints.of(channel).spApi()).isEqualTo(URI.create("https://sellingpartnerapi-na.amazon.com"));
        assertThatThrownBy(() -> SpApiEndpoints.of(AmazonOrderFetcherTest.channel(Map.of("region", "us"))))
                .hasMessage("channel 'amazon-us' setting region 'us' is not na, eu or fe");
    }

    private static InboundRequest sqs(byte[] body) {
        return new InboundRequest(AmazonConnector.SQS_METHOD, "sqs://omni-amazon", Map.of(), Map.of(), body, RECEIVED_AT);
    }

}
