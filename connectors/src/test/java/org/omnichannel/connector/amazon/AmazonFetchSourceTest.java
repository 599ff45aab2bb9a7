package org.omnichannel.connector.amazon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PollPage;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.fixture;

/** The connector's {@link FetchSource}, as the hub uses it, against {@link SpApiStandIn}. */
class AmazonFetchSourceTest {

    private SpApiStandIn standIn;
    private ChannelContext channel;
    private final AmazonConnector connector = new AmazonConnector();

    @BeforeEach
    void start() throws IOException {
        standIn = new SpApiStandIn();
        channel = AmazonOrderFetcherTest.channel(Map.of("region", "na", "marketplaceIds", "ATVPDKIKX0DER",
                "spApiEndpoint", standIn.base().toString(), "lwaEndpoint", standIn.endpoints().lwaToken().toString()));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void an_order_change_names_one_order_and_a_stock_notification_names_nothing() {
        FetchSource source = connector.fetchSource().orElseThrow();

        List<FetchRef> refs = source.references(AmazonOrderFetcherTest.orderChange(SpApiStandIn.SANDBOX_ORDER), channel);
        List<FetchRef> none = source.references(sqs(fixture("amazon-sp-api", "ListingsItemMfnQuantityChange.example.json")), channel);

        assertThat(refs).containsExactly(new FetchRef("order", SpApiStandIn.SANDBOX_ORDER,
                Map.of("marketplaceId", "ATVPDKIKX0DER", "sellerId", "A3TH9S8BH6GOGM"), "d0e9e693-c3ad-4373-979f-ed4ec98dd746"));
        assertThat(none).isEmpty();
    }

    @Test
    void fetches_a_notified_order_through_the_endpoints_the_channel_names_with_one_shared_client() {
        FetchSource source = connector.fetchSource().orElseThrow();
        FetchRef ref = source.references(AmazonOrderFetcherTest.orderChange(SpApiStandIn.SANDBOX_ORDER), channel).get(0);

        MappingResult fetched = source.fetch(ref, channel, RECEIVED_AT);
        connector.fetchSource().orElseThrow().fetch(ref, channel, RECEIVED_AT);

        assertGolden(fetched.events(), "amazon/golden/order-fetched.json");
        assertThat(connector.fetchSource()).containsSame(source);
        assertThat(((AmazonFetchSource) source).calls()).containsEntry("getOrder", 2).containsEntry("getOrderBuyerInfo", 2);
        assertThat(standIn.lwaForms).as("one LWA token for both fetches").hasSize(1);
    }

    @Test
    void a_poll_reference_fetches_to_the_same_event_id_as_the_notified_one() {
        FetchSource source = connector.fetchSource().orElseThrow();
        FetchRef notified = source.references(AmazonOrderFetcherTest.orderChange(SpApiStandIn.SANDBOX_ORDER), channel).get(0);

        PollPage first = source.poll(channel, Instant.parse("2026-11-23T11:00:00Z"), null);
        PollPage second = source.poll(channel, null, first.nextPageToken());
        FetchRef polled = second.references().get(0);

        assertThat(first.references()).extracting(FetchRef::objectId).containsExactly(SpApiStandIn.PENDING_ORDER);
        assertThat(first.last()).isFalse();
        assertThat(first.newestChange()).isEqualTo(Instant.parse("2017-01-20T19:49:35Z"));
        assertThat(second.last()).isTrue();
        assertThat(polled.notificationId()).isEqualTo(FetchRef.POLL);
        assertThat(polled.attribute("marketplaceId")).isEqualTo("ATVPDKIKX0DER");
        assertThat(source.fetch(polled, channel, RECEIVED_AT.plusSeconds(900)).events().get(0).eventId())
                .isEqualTo(source.fetch(notified, channel, RECEIVED_AT).events().get(0).eventId());
    }

    @Test
    void an_order_amazon_does_not_know_is_not_retried() {
        FetchSource source = connector.fetchSource().orElseThrow();

        assertThatThrownBy(() -> source.fetch(new FetchRef("order", "903-0000000-0000000", Map.of(), "n-1"), channel, RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.retryAfter()).isNull();
                })
                .hasMessage("getOrder /orders/v0/orders/903-0000000-0000000 answered HTTP 404: NotFound "
                        + "The resource specified does not exist.");
    }

    @Test
    void refuses_references_it_cannot_fetch_without_calling_amazon() {
        FetchSource source = connector.fetchSource().orElseThrow();

        assertThatThrownBy(() -> source.fetch(new FetchRef("listing", "SKU-1", Map.of(), null), channel, RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("amazon-sp-api fetches objects of type 'order', not 'listing'");
        assertThatThrownBy(() -> source.fetch(new FetchRef("order", "not-an-order", Map.of(), null), channel, RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("AmazonOrderId 'not-an-order' is not an Amazon order id (3-7-7 digits)");
        assertThat(standIn.calls).isEmpty();
    }

    @Test
    void still_throttled_after_the_clients_back_off_is_retryable_after_a_minute() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        HttpClient http = HttpClient.newHttpClient();
        AmazonFetchSource source = new AmazonFetchSource(new AmazonOrdersClient(http, new LwaTokens(http, clock),
                c -> standIn.endpoints(), clock, clock, 2));
        standIn.answerFirst(AmazonOrdersClient.GET_ORDER, 429, 429);

        assertThatThrownBy(() -> source.fetch(new FetchRef("order", SpApiStandIn.SANDBOX_ORDER, Map.of(), "n-2"), channel,
                RECEIVED_AT))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
                });
        assertThat(source.fetch(new FetchRef("order", SpApiStandIn.SANDBOX_ORDER, Map.of(), "n-2"), channel, RECEIVED_AT)
                .events()).hasSize(1);
    }

    @Test
    void an_endpoint_setting_that_is_no_url_names_the_channel_and_the_setting() {
        ChannelContext wrong = AmazonOrderFetcherTest.channel(Map.of("region", "na", "spApiEndpoint", "sellingpartnerapi"));

        assertThatThrownBy(() -> SpApiEndpoints.of(wrong)).isInstanceOf(IllegalStateException.class)
                .hasMessage("channel 'amazon-us' setting spApiEndpoint 'sellingpartnerapi' is not an http(s) URL");
    }

    private static InboundRequest sqs(byte[] body) {
        return new InboundRequest(AmazonConnector.SQS_METHOD, "sqs://omni-amazon", Map.of(), Map.of(), body, RECEIVED_AT);
    }
}
