package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PollPage;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.OrderPayload;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.post;
import static org.omnichannel.connector.testing.Golden.resource;

/** The Fulfillment API as the order source, against a local server answering as eBay documents getOrder and getOrders. */
class EbayFetchSourceTest {

    private static final String ORDER_ID = "12-12345-67890";
    private static final FetchRef NOTIFIED = new FetchRef("order", ORDER_ID, Map.of("event", "FixedPriceTransaction"),
            "FixedPriceTransaction@2026-11-23T11:58:30.123Z");

    private final EbayConnectorTest.MutableClock clock = new EbayConnectorTest.MutableClock(RECEIVED_AT);
    private final EbayFulfillmentStandIn ebay = new EbayFulfillmentStandIn(clock).put(EbayFulfillmentStandIn.sampleOrder());
    private final HttpClient http = HttpClient.newHttpClient();
    private final EbayOAuthTokens tokens = new EbayOAuthTokens(http, ebay.base(), clock);
    private final EbayFulfillmentClient client = new EbayFulfillmentClient(http, tokens, ebay.base(), clock);
    private final FetchSource source = new EbayConnector((kid, channel) -> Optional.empty(), tokens, client, clock)
            .fetchSource().orElseThrow();

    @AfterEach
    void stop() {
        ebay.close();
    }

    @Test
    void fetches_the_notified_order_with_a_refreshed_user_token_and_maps_it_to_its_golden_event() {
        MappingResult result = source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT);

        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), "ebay/golden/order-fetched.json");
        assertThat(ebay.tokenForms).containsExactly("grant_type=refresh_token&refresh_token=v%5E1.1%23i%5E1%23r%5E1%23refresh-token"
                + "&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.fulfillment.readonly");
        assertThat(client.calls(EbayFulfillmentClient.GET_ORDER)).as("one Fulfillment API call per order").isEqualTo(1);
    }

    @Test
    void the_money_adds_up_exactly_as_the_order_states_it() {
        OrderPayload order = source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT).events().get(0).payloadAs(OrderPayload.class);

        assertThat(order.subtotal().toDecimal()).hasToString("239.98");
        assertThat(order.discountTotal().toDecimal()).hasToString("24.00");
        assertThat(order.lines().stream().map(l -> l.lineTotal().toDecimal().toPlainString())).containsExactly("135.98", "80.00");
        assertThat(order.subtotal().minus(order.discountTotal()).plus(order.shippingTotal()).plus(order.taxTotal()))
                .isEqualTo(order.grandTotal());
    }

    @Test
    void the_same_order_state_gives_the_same_event_and_a_change_gives_a_new_one() {
        ChannelEvent first = only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT));
        ChannelEvent again = only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT.plusSeconds(30)));
        ObjectNode shipping = EbayFulfillmentStandIn.sampleOrder().put("lastModifiedDate", "2026-11-24T09:00:00.000Z")
                .put("orderFulfillmentStatus", "IN_PROGRESS");
        ChannelEvent shipped = only(fetchAfter(shipping));
        ObjectNode cancelled = EbayFulfillmentStandIn.sampleOrder().put("lastModifiedDate", "2026-11-24T10:00:00.000Z");
        ((ObjectNode) cancelled.path("cancelStatus")).put("cancelState", "CANCELED");
        ChannelEvent cancel = only(fetchAfter(cancelled));

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(first.type()).isEqualTo(EventType.ORDER_PLACED);
        assertThat(shipped.type()).isEqualTo(EventType.ORDER_UPDATED);
        assertThat(shipped.eventId()).isNotEqualTo(first.eventId());
        assertThat(cancel.type()).isEqualTo(EventType.ORDER_CANCELLED);
        assertThat(cancel.payloadAs(OrderPayload.class).vendorStatus()).isEqualTo("CANCELED");
    }

    @Test
    void answers_429_with_a_retryable_failure_carrying_retry_after_then_fetches_the_same_event() {
        ChannelEvent unthrottled = only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT));
        ebay.throttleNext(1, "2");

        assertThatThrownBy(() -> source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(e.getMessage()).isEqualTo("eBay getOrder 12-12345-67890 for channel 'ebay-us' answered HTTP 429:"
                            + " errorId 2001 Too many requests. The request limit has been reached for the resource."
                            + " (call limit reached)");
                });
        assertThat(only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT))).isEqualTo(unthrottled);
    }

    @Test
    void an_unknown_order_is_not_retried_and_a_server_error_is() {
        FetchRef unknown = new FetchRef("order", "12-99999-99999", Map.of(), FetchRef.POLL);
        ebay.failNext(1);

        assertThatThrownBy(() -> source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).endsWith("answered HTTP 500: errorId 30500 System error");
                });
        assertThatThrownBy(() -> source.fetch(unknown, channel(Map.of()), RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("eBay getOrder 12-99999-99999 for channel 'ebay-us' answered HTTP 404");
                });
        assertThatThrownBy(() -> source.fetch(new FetchRef("order", "12-1/../x", Map.of(), null), channel(Map.of()), RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> source.fetch(new FetchRef("listing", "1", Map.of(), null), channel(Map.of()), RECEIVED_AT))
                .isInstanceOf(FetchException.class).hasMessage("eBay fetch source fetches objects of type 'order', not 'listing'");
    }

    @Test
    void a_revoked_user_token_is_replaced_once_and_the_fetch_goes_through() {
        source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT);
        ebay.revokeIssuedToken();

        assertThat(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT).events()).hasSize(1);
        assertThat(ebay.tokenRequests()).isEqualTo(2);
        assertThat(client.calls(EbayFulfillmentClient.GET_ORDER)).isEqualTo(3);
    }

    @Test
    void polls_orders_modified_since_the_watermark_page_by_page_inclusive_of_the_watermark() {
        Instant watermark = Instant.parse("2026-11-23T10:00:00Z");
        ebay.put(EbayFulfillmentStandIn.orderLike("12-00001-00001", "2026-11-20T08:00:00.000Z", "2026-11-23T09:59:59.999Z"))
                .put(EbayFulfillmentStandIn.orderLike("12-00002-00002", "2026-11-21T08:00:00.000Z", "2026-11-23T10:00:00.000Z"))
                .put(EbayFulfillmentStandIn.orderLike("12-00003-00003", "2026-11-22T08:00:00.000Z", "2026-11-23T13:30:00.000Z"));
        ChannelContext channel = channel(Map.of("pollPageSize", "2"));

        PollPage first = source.poll(channel, watermark, null);
        PollPage second = source.poll(channel, watermark, first.nextPageToken());

        assertThat(first.references()).extracting(FetchRef::objectId).containsExactly("12-00002-00002", "12-00003-00003");
        assertThat(first.references()).allSatisfy(ref -> assertThat(ref.notificationId()).isEqualTo(FetchRef.POLL));
        assertThat(first.nextPageToken()).isEqualTo("2");
        assertThat(first.newestChange()).isEqualTo(Instant.parse("2026-11-23T13:30:00Z"));
        assertThat(second.references()).extracting(FetchRef::objectId).containsExactly(ORDER_ID);
        assertThat(second.last()).isTrue();
        assertThat(second.newestChange()).isEqualTo(Instant.parse("2026-11-23T11:59:02Z"));
        assertThat(ebay.rawQueries).containsExactly(
                "filter=lastmodifieddate:%5B2026-11-23T10:00:00.000Z..%5D&limit=2&offset=0",
                "filter=lastmodifieddate:%5B2026-11-23T10:00:00.000Z..%5D&limit=2&offset=2");
    }

    @Test
    void the_poll_and_the_notification_give_one_event_id_for_one_order_state() {
        PollPage page = source.poll(channel(Map.of()), Instant.parse("2026-11-23T00:00:00Z"), null);

        ChannelEvent polled = only(source.fetch(page.references().get(0), channel(Map.of()), RECEIVED_AT));
        ChannelEvent notified = only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT));

        assertThat(page.references()).hasSize(1);
        assertThat(page.last()).isTrue();
        assertThat(polled.eventId()).isEqualTo(notified.eventId());
    }

    @Test
    void an_empty_poll_has_no_watermark_and_a_throttled_poll_is_retryable() {
        clock.advance(Duration.ofHours(1));
        PollPage empty = source.poll(channel(Map.of()), Instant.parse("2026-11-23T12:00:00Z"), null);
        ebay.throttleNext(1, "Mon, 23 Nov 2026 13:00:30 GMT");

        assertThat(empty.references()).isEmpty();
        assertThat(empty.newestChange()).isNull();
        assertThat(empty.last()).isTrue();
        assertThatThrownBy(() -> source.poll(channel(Map.of()), Instant.parse("2026-11-23T12:00:00Z"), null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).as("an HTTP-date Retry-After, against the clock").isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void keeps_the_start_of_a_poll_inside_what_ebay_accepts() {
        source.poll(channel(Map.of()), RECEIVED_AT.plusSeconds(3600), null);
        source.poll(channel(Map.of()), Instant.parse("2020-01-01T00:00:00Z"), null);

        assertThat(ebay.rawQueries).containsExactly(
                "filter=lastmodifieddate:%5B2026-11-23T11:59:00.000Z..%5D&limit=100&offset=0",
                "filter=lastmodifieddate:%5B2024-11-24T12:00:00.000Z..%5D&limit=100&offset=0");
    }

    @Test
    void refuses_page_tokens_and_page_sizes_it_did_not_give() {
        assertThatThrownBy(() -> source.poll(channel(Map.of()), RECEIVED_AT, "next-please"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eBay poll page token 'next-please' is not an offset; pass null or the nextPageToken of the previous page");
        assertThatThrownBy(() -> source.poll(channel(Map.of("pollPageSize", "500")), RECEIVED_AT, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("channel 'ebay-us' has pollPageSize '500': set it to a whole number from 1 to 200");
    }

    @Test
    void the_connector_the_hub_loads_reaches_a_stand_in_named_by_the_channel_setting_api_base_url() {
        FetchSource loaded = Connectors.load().require("ebay").fetchSource().orElseThrow();
        ChannelContext pointed = channel(Map.of("apiBaseUrl", ebay.base().toString()));

        assertThat(only(loaded.fetch(NOTIFIED, pointed, RECEIVED_AT)).eventId())
                .isEqualTo(only(source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT)).eventId());
        assertThatThrownBy(() -> loaded.fetch(NOTIFIED, channel(Map.of("apiBaseUrl", "ftp://example.org")), RECEIVED_AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("channel 'ebay-us' setting apiBaseUrl 'ftp://example.org' is not an http(s) URL such as https://api.ebay.com");
    }

    @Test
    void references_a_platform_notification_by_order_and_a_json_notification_not_at_all() {
        byte[] soap = resource("ebay/platform-FixedPriceTransaction.built-from-docs.xml");

        List<FetchRef> refs = source.references(post("/webhooks/ebay-us", Map.of("Content-Type", "text/xml"), soap),
                channel(Map.of()));
        ChannelEvent fetched = only(source.fetch(refs.get(0), channel(Map.of()), RECEIVED_AT));

        assertThat(refs).containsExactly(NOTIFIED);
        assertThat(fetched.type()).isEqualTo(EventType.ORDER_PLACED);
        assertThat(source.references(post("/webhooks/ebay-us", Map.of("Content-Type", "application/json"),
                "{\"metadata\":{\"topic\":\"MARKETPLACE_ACCOUNT_DELETION\"}}".getBytes(StandardCharsets.UTF_8)), channel(Map.of())))
                .isEmpty();
    }

    private MappingResult fetchAfter(ObjectNode changed) {
        ebay.put(changed);
        return source.fetch(NOTIFIED, channel(Map.of()), RECEIVED_AT);
    }

    private static ChannelEvent only(MappingResult result) {
        assertThat(result.events()).hasSize(1);
        return result.events().get(0);
    }

    private ChannelContext channel(Map<String, String> settings) {
        return new ChannelContext("ebay-us", org.omnichannel.core.event.ChannelKind.MARKETPLACE, "ebay", new HashMap<>(settings),
                Secrets.of("ebay-us", Map.of("clientId", EbayFulfillmentStandIn.CLIENT_ID,
                        "clientSecret", EbayFulfillmentStandIn.CLIENT_SECRET, "refreshToken", EbayFulfillmentStandIn.REFRESH_TOKEN)));
    }
}
