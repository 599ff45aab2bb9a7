package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.fixture;

/** Fetch-on-notify against {@link SpApiStandIn}, which answers with the published Orders and Tokens API models. */
class AmazonOrderFetcherTest {

    private SpApiStandIn standIn;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private AmazonOrdersClient client;
    private AmazonOrderFetcher fetcher;
    private final AmazonConnector connector = new AmazonConnector();
    private final ChannelContext channel = channel(Map.of("region", "na", "marketplaceIds", "ATVPDKIKX0DER"));

    @BeforeEach
    void start() throws IOException {
        standIn = new SpApiStandIn();
        HttpClient http = HttpClient.newHttpClient();
        client = new AmazonOrdersClient(http, new LwaTokens(http, clock), c -> standIn.endpoints(), clock, clock, 4);
        fetcher = new AmazonOrderFetcher(client);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void an_order_change_notification_becomes_one_order_event_with_the_fetched_items_buyer_and_ship_to() {
        InboundRequest notification = orderChange(SpApiStandIn.SANDBOX_ORDER);
        MappingResult summary = connector.map(notification, channel);
        AmazonOrderRef ref = AmazonOrderRef.of(notification).orElseThrow();

        MappingResult fetched = fetcher.fetch(ref, channel, RECEIVED_AT);

        assertThat(summary.events()).isEmpty();
        assertThat(summary.skipped()).extracting(MappingResult.Skipped::reason).containsExactly(SkipReason.SUMMARY_ONLY);
        assertThat(ref.marketplaceId()).isEqualTo("ATVPDKIKX0DER");
        assertThat(fetched.skipped()).isEmpty();
        assertGolden(fetched.events(), "amazon/golden/order-fetched.json");
    }

    @Test
    void costs_five_orders_and_tokens_api_calls_per_order_and_one_lwa_token_for_many() {
        fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT);
        fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT);

        assertThat(client.calls()).containsExactlyInAnyOrderEntriesOf(Map.of("getOrder", 2, "getOrderItems", 2,
                "createRestrictedDataToken", 2, "getOrderAddress", 2, "getOrderBuyerInfo", 2));
        assertThat(standIn.lwaForms).hasSize(1);
        assertThat(standIn.lwaForms.get(0)).startsWith("grant_type=refresh_token&refresh_token=Atzr%7Ctest-refresh&client_id=");
    }

    @Test
    void reads_pii_only_with_a_restricted_data_token_for_exactly_this_orders_paths() {
        fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT);

        assertThat(standIn.tokensUsed).containsExactly(
                "getOrder " + SpApiStandIn.ACCESS_TOKEN,
                "getOrderItems " + SpApiStandIn.ACCESS_TOKEN,
                "createRestrictedDataToken " + SpApiStandIn.ACCESS_TOKEN,
                "getOrderAddress " + standIn.rdt,
                "getOrderBuyerInfo " + standIn.rdt);
        assertThat(standIn.rdtRequests.get(0).toString()).isEqualTo("{\"restrictedResources\":["
                + "{\"method\":\"GET\",\"path\":\"/orders/v0/orders/902-1845936-5435065/address\"},"
                + "{\"method\":\"GET\",\"path\":\"/orders/v0/orders/902-1845936-5435065/buyerInfo\"}]}");
    }

    @Test
    void the_same_notification_twice_or_the_poll_finding_the_order_gives_one_event_id() {
        ChannelEvent first = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);
        ChannelEvent again = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT.plusSeconds(60)).events().get(0);
        AmazonOrderRef fromPoll = new AmazonOrderRef(SpApiStandIn.SANDBOX_ORDER, "ATVPDKIKX0DER", null, "poll", null);
        ChannelEvent polled = fetcher.fetch(fromPoll, channel, RECEIVED_AT.plusSeconds(600)).events().get(0);

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(polled.eventId()).isEqualTo(first.eventId());
        assertThat(first.type()).isEqualTo(EventType.ORDER_PLACED);
    }

    @Test
    void a_429_then_200_delays_the_fetch_but_loses_nothing() {
        ChannelEvent expected = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);
        clock.waits.clear();
        standIn.answerFirst(AmazonOrdersClient.GET_ORDER, 429);
        standIn.answerFirst(AmazonOrdersClient.GET_ORDER_ITEMS, 429, 429);

        ChannelEvent afterThrottling = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);

        assertThat(afterThrottling).isEqualTo(expected);
        assertThat(client.calls()).containsEntry("getOrder", 3).containsEntry("getOrderItems", 4);
        // Backed off at least one token's time at the stated 0.5/s (2 s), doubling for the second 429.
        assertThat(clock.waits).contains(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void gives_up_after_the_attempts_with_a_retryable_error_naming_amazons_code() {
        standIn.answerFirst(AmazonOrdersClient.GET_ORDER, 429, 429, 429, 429);

        assertThatThrownBy(() -> fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                })
                .hasMessage("getOrder /orders/v0/orders/902-1845936-5435065 answered HTTP 429: QuotaExceeded "
                        + "You exceeded your quota for the requested resource. after 4 attempts");
        assertThat(client.calls()).containsEntry("getOrder", 4).doesNotContainKey("getOrderItems");
    }

    @Test
    void a_server_error_is_retried_like_a_throttle() {
        standIn.answerFirst(AmazonOrdersClient.GET_ORDER_BUYER_INFO, 503);

        assertThat(fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events()).hasSize(1);
        assertThat(client.calls()).containsEntry("getOrderBuyerInfo", 2);
    }

    @Test
    void does_not_retry_a_request_amazon_calls_invalid() {
        assertThatThrownBy(() -> client.getOrder(channel, "TEST_CASE_400"))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("getOrder /orders/v0/orders/TEST_CASE_400 answered HTTP 400: InvalidInput Invalid Input");
        assertThatThrownBy(() -> fetcher.fetch(ref("903-0000000-0000000"), channel, RECEIVED_AT))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.calls()).containsEntry("getOrder", 2);
    }

    @Test
    void the_poll_pages_through_get_orders_and_its_orders_fetch_to_the_notified_event() {
        ChannelEvent notified = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);

        AmazonOrdersPage first = client.getOrders(channel, List.of("ATVPDKIKX0DER"), Instant.parse("2026-11-23T11:00:00Z"), null);
        AmazonOrdersPage second = client.getOrders(channel, List.of("ATVPDKIKX0DER"), null, first.nextToken());
        ChannelEvent polled = fetcher.fetch(second.orders().get(0), channel, RECEIVED_AT.plusSeconds(900)).events().get(0);

        assertThat(first.orders()).extracting(AmazonOrderRef::amazonOrderId).containsExactly(SpApiStandIn.PENDING_ORDER);
        assertThat(first.nextToken()).isEqualTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        assertThat(first.newestUpdate()).isEqualTo(Instant.parse("2017-01-20T19:49:35Z"));
        assertThat(second.orders()).extracting(AmazonOrderRef::amazonOrderId)
                .containsExactly(SpApiStandIn.SANDBOX_ORDER, "902-8745147-1934268");
        assertThat(second.nextToken()).isNull();
        assertThat(standIn.queries).containsExactly(
                "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-11-23T11%3A00%3A00Z",
                "MarketplaceIds=ATVPDKIKX0DER&NextToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        assertThat(polled.eventId()).as("the poll finding a notified order adds no event").isEqualTo(notified.eventId());
        assertThatThrownBy(() -> client.getOrders(channel, List.of(), Instant.now(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("getOrders needs at least one marketplace id");
    }

    @Test
    void a_revoked_lwa_token_is_renewed_once_and_the_fetch_goes_on() {
        ChannelEvent before = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);
        standIn.revokeAccessToken();

        ChannelEvent after = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), channel, RECEIVED_AT).events().get(0);

        assertThat(after).isEqualTo(before);
        assertThat(standIn.lwaForms).hasSize(2);
        assertThat(client.calls()).containsEntry("getOrder", 3).containsEntry("getOrderItems", 2);
    }

    @Test
    void a_pending_order_costs_one_call_and_waits_for_the_next_notification() {
        MappingResult result = fetcher.fetch(ref(SpApiStandIn.PENDING_ORDER), channel, RECEIVED_AT);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped().get(0).reason()).isEqualTo(SkipReason.NOT_ACTIONABLE);
        assertThat(result.skipped().get(0).detail()).contains("is Pending");
        assertThat(client.calls()).isEqualTo(Map.of("getOrder", 1));
    }

    @Test
    void an_order_of_a_marketplace_the_channel_does_not_list_is_not_mapped_to_it() {
        ChannelContext germany = channel(Map.of("region", "eu", "marketplaceIds", "A1PA6795UKMFR9"));

        MappingResult result = fetcher.fetch(ref(SpApiStandIn.SANDBOX_ORDER), germany, RECEIVED_AT);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped().get(0).detail()).isEqualTo("amazon order 902-1845936-5435065 is in marketplace "
                + "ATVPDKIKX0DER, which channel 'amazon-us' does not list in marketplaceIds");
    }

    @Test
    void maps_money_exactly_and_splits_a_line_price_into_unit_prices() throws IOException {
        JsonNode order = json("{\"AmazonOrderId\":\"111-1111111-1111111\",\"OrderStatus\":\"Shipped\",\"MarketplaceId\":\"A1PA6795UKMFR9\","
                + "\"LastUpdateDate\":\"2026-11-20T10:00:00Z\",\"NumberOfItemsShipped\":3,"
                + "\"OrderTotal\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"33.89\"}}");
        JsonNode item = json("{\"OrderItemId\":\"1\",\"SellerSKU\":\"GL-AVIATOR-BLK\",\"QuantityOrdered\":3,"
                + "\"ItemPrice\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"30.00\"},\"ItemTax\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"4.79\"},"
                + "\"PromotionDiscount\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"1.00\"},\"ShippingPrice\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"0.10\"}}");

        ChannelEvent event = AmazonOrderMapper.map(order, List.of(item), null, null, channel, RECEIVED_AT);

        org.omnichannel.core.event.OrderPayload payload = event.payloadAs(org.omnichannel.core.event.OrderPayload.class);
        assertThat(event.type()).isEqualTo(EventType.ORDER_UPDATED);
        assertThat(payload.lines().get(0).unitPrice().amountMinor()).isEqualTo(1000);
        assertThat(payload.lines().get(0).lineTotal().amountMinor()).isEqualTo(2900);
        assertThat(payload.subtotal().amountMinor()).isEqualTo(3000);
        assertThat(payload.discountTotal().amountMinor()).isEqualTo(100);
        assertThat(payload.taxTotal().amountMinor()).isEqualTo(479);
        assertThat(payload.grandTotal().amountMinor()).isEqualTo(3389);
        assertThat(AmazonOrderMapper.map(json(order.toString().replace("Shipped\"", "Canceled\"")), List.of(item), null, null,
                channel, RECEIVED_AT).type()).isEqualTo(EventType.ORDER_CANCELLED);
    }

    private static JsonNode json(String text) throws IOException {
        return org.omnichannel.connector.spi.JsonBodies.mapper().readTree(text);
    }

    /** The ORDER_CHANGE fixture naming the given order (the fixture's own order is not one the models answer for). */
    static InboundRequest orderChange(String orderId) {
        String body = new String(fixture("amazon-sp-api", "OrderChangeNotification.example.json"), StandardCharsets.UTF_8)
                .replace("903-8868176-2219830", orderId);
        return new InboundRequest(AmazonConnector.SQS_METHOD, "sqs://omni-amazon", Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), RECEIVED_AT);
    }

    private static AmazonOrderRef ref(String orderId) {
        return AmazonOrderRef.of(orderChange(orderId)).orElseThrow();
    }

    static ChannelContext channel(Map<String, String> settings) {
        return new ChannelContext("amazon-us", ChannelKind.MARKETPLACE, AmazonConnector.SYSTEM, settings,
                Secrets.of("amazon-us", Map.of("lwaRefreshToken", "Atzr|test-refresh", "lwaClientId",
                        "amzn1.application-oa2-client.test", "lwaClientSecret", "test-client-secret")));
    }
}
