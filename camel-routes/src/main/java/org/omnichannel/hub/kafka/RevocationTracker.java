package org.omnichannel.hub.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The part shared by the hub's manual-commit consumers (OFBiz delivery, fetch workers): one consumer,
 * subscribed with a rebalance listener that remembers which partitions were taken away since the last
 * non-empty poll, a poll loop, and a paused wait that keeps the consumer in its group. What is committed
 * and when stays with the caller. Used only from the consumer's own thread (the listener runs inside poll).
 */
public final class RevocationTracker {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<TopicPartition> revoked = new HashSet<>();

    public RevocationTracker(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Subscribes the consumer to {@code topic}, tracking revoked partitions. */
    public void subscribe(String topic) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revoked.addAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                revoked.removeAll(partitions);
            }
        });
    }

    /**
     * Polls (500 ms at a time) while {@code running}; hands each non-empty batch to {@code handler}, after
     * forgetting the partitions revoked before it. A WakeupException is left to the caller.
     */
    public void pollWhile(BooleanSupplier running, Consumer<ConsumerRecords<String, byte[]>> handler) {
        while (running.getAsBoolean()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                revoked.clear();
                handler.accept(records);
            }
        }
    }

    /** True while this consumer is assigned {@code partition} and no rebalance took it away. */
    public boolean owns(TopicPartition partition) {
        return consumer.assignment().contains(partition) && !revoked.contains(partition);
    }

    /**
     * Waits with the assigned partitions paused, polling so the consumer stays in its group. False when the
     * batch must be abandoned: {@code running} turned false, or a rebalance moved one of {@code partitions}
     * (then {@code log} says so, ending with {@code afterMove}).
     */
    public boolean waitPaused(Duration wait, Set<TopicPartition> partitions, BooleanSupplier running, Logger log,
                              String afterMove) {
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (running.getAsBoolean() && System.nanoTime() < deadline) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (!consumer.poll(Duration.ofMillis(Math.min(left, 500))).isEmpty()) {
                    throw new IllegalStateException("records returned from paused partitions");
                }
                consumer.pause(consumer.assignment());
                if (partitions.stream().anyMatch(p -> !owns(p))) {
                    log.info("partitions moved to another hub during a retry; {}", afterMove);
                    return false;
                }
            }
            return running.getAsBoolean();
        } finally {
            consumer.resume(consumer.assignment());
        }
    }
}
