package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.TopicReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.hub.fetch.AmazonHub.CHANNEL;
import static org.omnichannel.hub.fetch.AmazonHub.await;
import static org.omnichannel.hub.fetch.AmazonHub.eventIds;
import static org.omnichannel.hub.fetch.AmazonHub.events;
import static org.omnichannel.hub.fetch.AmazonHub.orderChange;

/**
 * Amazon SP-API end to end through the real hub: ORDER_CHANGE messages on a real SQS-protocol server (ElasticMQ)
 * consumed by the aws2-sqs route, queued on omni.fetch, fetched from the Orders API stand-in by the fetch consumer
 * and published to omni.inbound of the embedded KRaft broker.
 */
class FetchOnNotifyTest {

    @TempDir
    static Path dir;
    private static AmazonHub.Env env;

    @BeforeAll
    static void start() {
        env = AmazonHub.Env.start(dir, "omni-amazon", 2, null, "", Map.of("omni.fetch.initialBackoffMs", "200"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void an_order_change_on_the_queue_becomes_one_order_event_carrying_the_fetched_items() {
        String order = "902-1000000-0000001";
        env.sqs.send(env.queueUrl, orderChange(order, "notification-1"));

        await("the order's event is on omni.inbound", () -> !events(env.hub.bootstrapServers(), order).isEmpty());
        await("the SQS message is deleted", () -> env.sqs.remaining(env.queueUrl) == 0);
        await("the fetch is committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));

        List<ConsumerRecord<String, byte[]>> records = events(env.hub.bootstrapServers(), order);
        assertThat(records).hasSize(1);
        ChannelEvent event = ChannelEventJson.read(records.get(0).value());
        OrderPayload payload = event.payloadAs(OrderPayload.class);
        assertThat(event.type()).isEqualTo(EventType.ORDER_PLACED);
        assertThat(event.channelId()).isEqualTo(CHANNEL);
        assertThat(payload.orderId()).isEqualTo(order);
        assertThat(payload.lines()).hasSize(1);
        assertThat(payload.lines().get(0).quantity()).isEqualByComparingTo("1");
        assertThat(payload.lines().get(0).sku()).as("the SellerSKU getOrderItems answered").isEqualTo("NABetaASINB00551Q3CS");
        assertThat(payload.grandTotal().amountMinor()).isEqualTo(1101);
        assertThat(KafkaHeaders.text(records.get(0).headers(), KafkaHeaders.CHANNEL)).isEqualTo(CHANNEL);
        assertThat(TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH, r -> r.key().endsWith(order)))
                .as("queued once, keyed by channel and order").hasSize(1)
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(CHANNEL + ":order:" + order));
        assertThat(env.amazon.getOrderCalls(order)).isEqualTo(1);
    }

    @Test
    void the_same_message_twice_gives_one_event_and_one_fetch() {
        String order = "902-1000000-0000002";
        String message = orderChange(order, "notification-2");
        env.sqs.send(env.queueUrl, message);
        env.sqs.send(env.queueUrl, message);

        await("both messages are deleted", () -> env.sqs.remaining(env.queueUrl) == 0
                && TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH, r -> r.key().endsWith(order)).size() == 2);
        await("both fetches are committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));

        assertThat(eventIds(events(env.hub.bootstrapServers(), order))).hasSize(1);
        assertThat(env.amazon.getOrderCalls(order)).as("the repeated NotificationId is not fetched again").isEqualTo(1);
    }

    @Test
    void the_same_order_notified_again_with_nothing_changed_adds_no_event() {
        String order = "902-1000000-0000003";
        env.sqs.send(env.queueUrl, orderChange(order, "notification-3a"));
        await("the first event", () -> !events(env.hub.bootstrapServers(), order).isEmpty());

        env.sqs.send(env.queueUrl, orderChange(order, "notification-3b"));
        await("the second notification is fetched", () -> env.amazon.getOrderCalls(order) == 2);
        await("both fetches are committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));

        assertThat(events(env.hub.bootstrapServers(), order)).as("same LastUpdateDate, same eventId").hasSize(1);
    }

    @Test
    void the_orders_api_answering_429_then_200_delays_the_event_but_loses_nothing() {
        String order = "902-1000000-0000004";
        env.amazon.answerFirst("getOrder", 429);

        env.sqs.send(env.queueUrl, orderChange(order, "notification-4"));

        await("the order's event is on omni.inbound", () -> !events(env.hub.bootstrapServers(), order).isEmpty());
        assertThat(env.amazon.getOrderCalls(order)).isEqualTo(2);
        await("the fetch is committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));
        assertThat(events(env.hub.bootstrapServers(), order)).hasSize(1);
    }

    @Test
    void an_answer_that_is_not_json_is_retried_from_the_queue_until_it_is() {
        String order = "902-1000000-0000005";
        env.amazon.answerFirst("getOrderItems", 299, 299);

        env.sqs.send(env.queueUrl, orderChange(order, "notification-5"));

        await("the order's event is on omni.inbound", () -> !events(env.hub.bootstrapServers(), order).isEmpty());
        await("the fetch is committed", () -> AmazonHub.fetchQueueDrained(env.hub.bootstrapServers()));
        assertThat(env.amazon.getOrderCalls(order)).as("fetched again from omni.fetch after each failure").isEqualTo(3);
        assertThat(events(env.hub.bootstrapServers(), order)).hasSize(1);
        assertThat(TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH_DLQ, r -> r.key().endsWith(order))).isEmpty();
    }

    @Test
    void an_order_amazon_does_not_know_goes_to_the_fetch_dlq_with_the_reason() {
        String order = "999-1000000-0000006";
        env.sqs.send(env.queueUrl, orderChange(order, "notification-6"));

        await("the reference is dead-lettered", () -> !TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH_DLQ,
                r -> r.key().endsWith(order)).isEmpty());

        ConsumerRecord<String, byte[]> dead = TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH_DLQ,
                r -> r.key().endsWith(order)).get(0);
        assertThat(KafkaHeaders.text(dead.headers(), KafkaHeaders.REASON))
                .isEqualTo("getOrder /orders/v0/orders/999-1000000-0000006 answered HTTP 404: NotFound "
                        + "The resource specified does not exist.");
        assertThat(FetchTask.read(dead.value()).ref().notificationId()).isEqualTo("notification-6");
        assertThat(events(env.hub.bootstrapServers(), order)).isEmpty();
    }

    @Test
    void a_notification_for_another_application_is_quarantined_and_deleted() {
        String order = "902-1000000-0000007";
        String foreign = orderChange(order, "notification-7").replace(AmazonHub.APPLICATION_ID, "amzn1.sellerapps.app.other");

        env.sqs.send(env.queueUrl, foreign);

        await("the message is quarantined on omni.raw", () -> TopicReader.readAll(env.hub.bootstrapServers(), HubTopics.RAW,
                r -> "quarantined".equals(KafkaHeaders.text(r.headers(), KafkaHeaders.DISPOSITION))
                        && new String(r.value()).contains(order)).size() == 1);
        await("the SQS message is deleted", () -> env.sqs.remaining(env.queueUrl) == 0);
        assertThat(TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH, r -> r.key().endsWith(order))).isEmpty();
        assertThat(env.amazon.getOrderCalls(order)).isZero();
    }
}
