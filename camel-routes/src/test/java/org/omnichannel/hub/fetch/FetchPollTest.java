package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.TopicReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.hub.fetch.AmazonHub.CHANNEL;
import static org.omnichannel.hub.fetch.AmazonHub.await;
import static org.omnichannel.hub.fetch.AmazonHub.eventIds;
import static org.omnichannel.hub.fetch.AmazonHub.events;
import static org.omnichannel.hub.fetch.OrdersApiStandIn.PENDING_ORDER;
import static org.omnichannel.hub.fetch.OrdersApiStandIn.SANDBOX_ORDER;

/**
 * The getOrders poll through the real hub: the poll route of an Amazon channel pages through getOrders, queues
 * what it finds like notified orders, persists its watermark on the compacted omni.watermarks only after every
 * page is queued, and a restarted hub polls on from that watermark.
 */
class FetchPollTest {

    /** The newest LastUpdateDate of the two getOrders pages the models publish. */
    private static final String NEWEST = "2017-01-20T19:49:35Z";
    private static final String OTHER_SANDBOX_ORDER = "902-8745147-1934268";

    @TempDir
    static Path dir;
    private static AmazonHub.Env env;

    @BeforeAll
    static void start() {
        // One poll soon after start, the next in an hour; look back far enough for the models' 2017 orders.
        env = AmazonHub.Env.start(dir, "omni-amazon-polled", 2, null, """
                pollIntervalSeconds: "3600"
                pollDelaySeconds: "1"
                pollLookbackHours: "100000"
                """, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void polls_fetches_what_changed_keeps_one_event_per_order_and_resumes_from_its_watermark_after_a_restart()
            throws Exception {
        await("the first poll completed and wrote its watermark", () -> NEWEST.equals(watermark()));
        await("the polled orders are on omni.inbound", () -> events(env.hub.bootstrapServers(), SANDBOX_ORDER).size() == 1
                && events(env.hub.bootstrapServers(), OTHER_SANDBOX_ORDER).size() == 1);
        assertThat(env.amazon.getOrdersQueries).hasSize(2);
        assertThat(env.amazon.getOrdersQueries.get(0)).startsWith("MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=");
        assertThat(env.amazon.getOrdersQueries.get(1)).isEqualTo("MarketplaceIds=ATVPDKIKX0DER&NextToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");

        // The notification of an order the poll already found adds nothing.
        env.sqs.send(env.queueUrl, AmazonHub.orderChange(SANDBOX_ORDER, "notification-after-poll"));
        await("the notified order is fetched", () -> env.amazon.getOrderCalls(SANDBOX_ORDER) == 2);
        await("every fetch is committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));
        assertThat(events(env.hub.bootstrapServers(), SANDBOX_ORDER)).hasSize(1);
        assertThat(events(env.hub.bootstrapServers(), PENDING_ORDER)).as("Pending: no prices yet, no event").isEmpty();
        assertThat(env.amazon.getOrderCalls(PENDING_ORDER)).isEqualTo(1);

        env.hub.close();
        env.hub = HubUnderTest.start(dir, Map.of());

        String resumed = "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2017-01-20T19%3A49%3A35Z";
        await("the restarted hub polls from the persisted watermark", () -> env.amazon.getOrdersQueries.contains(resumed));
        await("what it found is fetched", () -> env.amazon.getOrderCalls(SANDBOX_ORDER) == 3
                && AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));
        assertThat(env.amazon.getOrdersQueries.get(2)).isEqualTo(resumed);
        assertThat(watermark()).isEqualTo(NEWEST);
        for (String order : List.of(SANDBOX_ORDER, OTHER_SANDBOX_ORDER)) {
            assertThat(new HashSet<>(eventIds(events(env.hub.bootstrapServers(), order))))
                    .as("the overlap refetched %s: the same eventId, which OFBiz's receipts take once", order).hasSize(1);
        }
    }

    private static String watermark() {
        List<ConsumerRecord<String, byte[]>> marks = TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.WATERMARKS,
                r -> CHANNEL.equals(r.key()));
        return marks.isEmpty() ? null : new String(marks.get(marks.size() - 1).value(), StandardCharsets.UTF_8);
    }
}
