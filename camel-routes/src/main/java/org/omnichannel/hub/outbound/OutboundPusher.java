package org.omnichannel.hub.outbound;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pushes omni.outbound to the channels: polls a batch (collecting for {@code omni.outbound.coalesceMs}, so a
 * burst of levels of one SKU coalesces), splits it by channel, pushes each channel's share in parallel
 * ({@link ChannelPush}) and commits the offsets only when every message of the batch is confirmed by its
 * vendor, counted unsupported, or dead-lettered on omni.outbound.dlq. While the pushes wait (throttling,
 * back-off) the partitions are paused and the consumer keeps polling, so it stays in its group. The hubs share
 * the consumer group {@code omni.outbound.groupId}; the key (channel and product) keeps one product's levels on
 * one partition, so one hub pushes them in order.
 */
public final class OutboundPusher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundPusher.class);
    /** Header on omni.outbound.dlq: the vendor's HTTP status (absent when the hub refused the message itself). */
    static final String VENDOR_STATUS_HEADER = "omni.vendorStatus";

    private final String bootstrapServers;
    private final ChannelRegistry channels;
    private final Map<String, TokenBucket> buckets;
    private final VendorSender sender;
    private final OutboundSettings settings;
    private final HubMetrics metrics;
    private final OutboundStatus status;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread worker;
    private ExecutorService pushers;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> dlq;

    OutboundPusher(String bootstrapServers, ChannelRegistry channels, Map<String, TokenBucket> buckets, VendorSender sender,
                   OutboundSettings settings, HubMetrics metrics, OutboundStatus status) {
        this.bootstrapServers = bootstrapServers;
        this.channels = channels;
        this.buckets = Map.copyOf(buckets);
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.status = status;
    }

    @Override
    protected void doStart() {
        consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, settings.pushGroupId(), "omni-hub-outbound",
                settings.batchSize()));
        dlq = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-outbound-dlq"));
        pushers = Executors.newFixedThreadPool(Math.max(1, Math.min(8, buckets.size())), runnable -> {
            Thread thread = new Thread(runnable, "omni-outbound-push");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        worker = new Thread(this::run, "omni-outbound-pusher");
        worker.start();
        LOG.info("pushing {} to {} channel(s) (consumer group '{}')", HubTopics.OUTBOUND, buckets.size(), settings.pushGroupId());
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        stopping.countDown();
        // The worker sees the flag within one poll and commits what its vendors confirmed; wake it only if it hangs.
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(20));
            if (worker.isAlive() && consumer != null) {
                consumer.wakeup();
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        if (pushers != null) {
            pushers.shutdownNow();
        }
        if (dlq != null) {
            dlq.close(Duration.ofSeconds(10));
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(HubTopics.OUTBOUND));
            while (running) {
                ConsumerRecords<String, byte[]> first = consumer.poll(Duration.ofMillis(500));
                if (first.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                first.forEach(batch::add);
                long until = System.nanoTime() + settings.coalesceWindow().toNanos();
                while (running && batch.size() < settings.batchSize() && System.nanoTime() - until < 0) {
                    long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                    consumer.poll(Duration.ofMillis(Math.max(1, left))).forEach(batch::add);
                }
                if (!push(batch)) {
                    return;
                }
                commit(batch);
                status.batchDone();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("outbound pusher woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("outbound pusher stopped on an unexpected error; the hub must be restarted", e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Pushes a batch until every message is settled; false when the hub stopped first. */
    private boolean push(List<ConsumerRecord<String, byte[]>> batch) {
        Map<String, List<PushPlan.Pending>> byChannel = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            OutboxEntry entry;
            try {
                entry = OutboxEntry.read(record.value());
            } catch (IllegalArgumentException e) {
                deadLetter(new PushPlan.Pending(record, null, null), "not an outbox entry: " + e.getMessage(), 0);
                continue;
            }
            byChannel.computeIfAbsent(entry.channelId(), c -> new ArrayList<>())
                    .add(new PushPlan.Pending(record, entry, entry.message()));
        }
        List<Future<?>> pushes = new ArrayList<>();
        byChannel.forEach((channelId, pending) -> {
            ChannelRegistry.Channel channel = channels.find(channelId).orElse(null);
            if (channel == null) {
                pending.forEach(p -> deadLetter(p, "no enabled channel '" + channelId + "' in the channels file: add or "
                        + "enable it, then replay", 0));
                metrics.outbound(channelId, "dead-lettered", pending.size());
                return;
            }
            PushPlan plan = PushPlan.of(pending, channel.connector().stockLevelsPerRequest());
            ChannelPush push = new ChannelPush(channel, buckets.get(channelId), sender, settings, metrics, this::deadLetter,
                    this::await, status);
            pushes.add(pushers.submit(() -> {
                push.push(plan);
                return null;
            }));
        });
        return awaitAll(pushes);
    }

    /** Waits for the channels' pushes with the partitions paused, polling so the consumer stays in its group. */
    private boolean awaitAll(List<Future<?>> pushes) {
        consumer.pause(consumer.assignment());
        try {
            for (Future<?> push : pushes) {
                while (true) {
                    try {
                        push.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        keepPolling();
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChannelPush.Abandoned || !running) {
                return false;
            }
            throw new IllegalStateException("a channel push failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (running) {
                consumer.resume(consumer.assignment());
            }
        }
    }

    /** Polls paused partitions; records from a partition assigned meanwhile are put back to be read later. */
    private void keepPolling() {
        ConsumerRecords<String, byte[]> early = consumer.poll(Duration.ZERO);
        for (TopicPartition partition : early.partitions()) {
            consumer.seek(partition, early.records(partition).get(0).offset());
        }
        consumer.pause(consumer.assignment());
    }

    private boolean await(Duration wait) throws InterruptedException {
        return !stopping.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void deadLetter(PushPlan.Pending pending, String reason, int vendorStatus) {
        ConsumerRecord<String, byte[]> record = pending.record();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(KafkaHeaders.REASON);
        headers.add(KafkaHeaders.REASON, KafkaHeaders.bytes(reason));
        if (vendorStatus > 0) {
            headers.add(VENDOR_STATUS_HEADER, KafkaHeaders.bytes(String.valueOf(vendorStatus)));
        }
        try {
            dlq.send(new ProducerRecord<>(HubTopics.OUTBOUND_DLQ, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            LOG.warn("outbound message {} sent to {}: {}", pending.message() == null ? "at offset " + record.offset()
                    : pending.message().messageId(), HubTopics.OUTBOUND_DLQ, reason);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new IllegalStateException("cannot write to " + HubTopics.OUTBOUND_DLQ + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + HubTopics.OUTBOUND_DLQ, e);
        }
    }

    private void commit(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
            offsets.merge(partition, next, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        offsets.keySet().retainAll(consumer.assignment());
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            LOG.warn("could not commit pushed offsets ({}); the hub that has the partitions now pushes them again",
                    e.getMessage());
        }
    }
}
