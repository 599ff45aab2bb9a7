package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.TopicReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.hub.fetch.AmazonHub.CHANNEL;
import static org.omnichannel.hub.fetch.AmazonHub.await;

/**
 * A bounded load through the whole SQS path (ElasticMQ → aws2-sqs route → omni.fetch → fetch consumer →
 * Orders API stand-in → omni.inbound), printing events/s and Orders API calls per order. Correctness is asserted
 * (every order once, the queue emptied); the figures are printed, never asserted. The size is
 * {@code -Domni.bench.orders=N} (500).
 *
 * <p>The stand-in states a raised usage plan (x-amzn-RateLimit-Limit 1000/s) so the hub is measured, not
 * Amazon's default plan: with the published 0.5/s per operation a hub fetches 0.5 orders/s after a burst of 30.
 */
class SqsThroughputTest {

    private static final int ORDERS = Integer.getInteger("omni.bench.orders", 500);

    @TempDir
    static Path dir;
    private static AmazonHub.Env env;

    @BeforeAll
    static void start() {
        // SQS's default visibility timeout; a raised usage plan so the hub is measured, not Amazon's default plan.
        env = AmazonHub.Env.start(dir, "omni-amazon-load", 30, "1000", """
                sqsConsumers: "4"
                """, Map.of("omni.kafka.partitions", "4", "omni.fetch.workers", "4"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void carries_a_bounded_load_of_order_notifications_to_one_event_each_and_prints_the_figures() {
        run("warm-up", 0, 20, System.nanoTime());
        Map<String, Integer> before = env.amazon.calls();

        long started = System.nanoTime();
        double queuedAfter = run("load", 1, ORDERS, started);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Integer> after = env.amazon.calls();
        StringBuilder perOrder = new StringBuilder();
        int total = 0;
        for (Map.Entry<String, Integer> e : after.entrySet()) {
            int calls = e.getValue() - before.getOrDefault(e.getKey(), 0);
            total += calls;
            perOrder.append(String.format("  %-26s %6.2f per order%n", e.getKey(), (double) calls / ORDERS));
        }
        System.out.printf("SQS path, %d ORDER_CHANGE messages -> %d order events on omni.inbound in %.2f s: %.1f events/s%n"
                        + "  (all %d references were on omni.fetch after %.2f s: %.1f messages/s through the SQS route)%n"
                        + "Orders/Tokens API calls: %d = %.2f per order%n%s", ORDERS, ORDERS, seconds, ORDERS / seconds, ORDERS,
                queuedAfter, ORDERS / queuedAfter, total, (double) total / ORDERS, perOrder);
    }

    /**
     * Sends {@code count} distinct orders and waits until each has its one event and the queue is empty; answers
     * the seconds from {@code started} until every reference was on omni.fetch.
     */
    private static double run(String label, int series, int count, long started) {
        List<String> bodies = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String order = String.format("902-%07d-%07d", 3_000_000 + series, i);
            bodies.add(AmazonHub.orderChange(order, label + "-" + i));
            keys.add(CHANNEL + ":order:" + order);
        }
        env.sqs.sendAll(env.queueUrl, bodies);
        long[] queued = {0};
        await(label + ": every reference is on omni.fetch", () -> {
            boolean all = TopicReader.readAll(env.hub.bootstrapServers(), FetchTopics.FETCH, r -> keys.contains(r.key())).size() >= count;
            queued[0] = System.nanoTime();
            return all;
        });
        List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
        await(label + ": every order's event is on omni.inbound", () -> {
            events.clear();
            events.addAll(TopicReader.readAll(env.hub.bootstrapServers(), HubTopics.INBOUND, r -> keys.contains(r.key())));
            return events.size() >= count;
        });
        await(label + ": the queue is empty", () -> env.sqs.remaining(env.queueUrl) == 0);
        assertThat(events).hasSize(count);
        assertThat(events.stream().map(r -> KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID)).distinct()).hasSize(count);
        return (queued[0] - started) / 1e9;
    }
}
