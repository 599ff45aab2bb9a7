package org.omnichannel.hub.fetch;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;
import org.omnichannel.hub.kafka.RevocationTracker;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes {@value FetchTopics#FETCH}: fetches each reference ({@link Fetcher}), publishes the events to
 * omni.inbound, and commits a reference's offset only after its events (and those of every reference
 * before it) are acknowledged by the broker. Within a polled batch the writes are not awaited one by one:
 * the worker waits once, before a retry and at the end of the batch, and commits the acknowledged prefix.
 *
 * <ul>
 *   <li>A retryable failure (vendor down, throttled after the connector's own back-off, Kafka not
 *       acknowledging) keeps the reference at the head of its partition: what was done before it is
 *       committed, the partitions are paused (the consumer keeps polling so it stays in its group) for the
 *       vendor's {@code retryAfter} or an exponential back-off, and the same reference is fetched again.
 *       Nothing after it is committed in the meantime.</li>
 *   <li>A failure that cannot pass (404, 400, unknown channel, unreadable task) goes to
 *       {@value FetchTopics#FETCH_DLQ}: the task unchanged (so it can be put back on {@value FetchTopics#FETCH}
 *       after a fix) with the header {@code omni.reason}. The fetch DLQ, not omni.inbound.dlq: what failed is a
 *       reference, not an event, and omni.inbound.dlq is replayed to omni.inbound.</li>
 * </ul>
 * Several workers (each its own consumer in the group {@code groupId}) share the partitions of this hub;
 * N hubs share them the same way. A plain KafkaConsumer, like the OFBiz delivery, for the same reason:
 * the commit must follow the broker's acknowledgement of the fetched events.
 */
public final class FetchConsumer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FetchConsumer.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final String bootstrapServers;
    private final String groupId;
    private final int workers;
    private final Fetcher fetcher;
    private final HubMetrics metrics;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<KafkaConsumer<String, byte[]>> consumers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private KafkaProducer<String, byte[]> dlq;

    public FetchConsumer(String bootstrapServers, String groupId, int workers, ChannelRegistry channels,
                         InboundPublisher publisher, HubMetrics metrics, Duration initialBackoff, Duration maxBackoff) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.workers = Math.max(1, workers);
        this.fetcher = new Fetcher(channels, publisher, metrics);
        this.metrics = metrics;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    protected void doStart() {
        dlq = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-fetch-dlq"));
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(new Worker(i), "omni-fetch-" + i);
            threads.add(thread);
            thread.start();
        }
        LOG.info("fetching what {} names ({} worker(s), consumer group '{}')", FetchTopics.FETCH, workers, groupId);
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        threads.clear();
        if (dlq != null) {
            dlq.close(Duration.ofSeconds(10));
        }
    }

    /** References fetched so far by this hub. */
    public long fetched() {
        return fetcher.fetched();
    }

    /** Notifications this hub skipped because it had fetched them already. */
    public long duplicateNotifications() {
        return fetcher.duplicates();
    }

    /** Fetches that failed in a way that may pass and were tried again. */
    public long retries() {
        return retries.get();
    }

    /** References sent to {@value FetchTopics#FETCH_DLQ}. */
    public long deadLettered() {
        return deadLettered.get();
    }

    private final class Worker implements Runnable {

        private final int index;
        private KafkaConsumer<String, byte[]> consumer;
        private RevocationTracker partitions;

        Worker(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, groupId, "omni-hub-fetch-" + index, 100));
            consumers.add(consumer);
            try {
                partitions = new RevocationTracker(consumer);
                partitions.subscribe(FetchTopics.FETCH);
                partitions.pollWhile(() -> running, this::handle);
            } catch (WakeupException e) {
                if (running) {
                    LOG.error("fetch worker {} woken up while running", index, e);
                }
            } catch (RuntimeException e) {
                LOG.error("fetch worker {} stopped on an unexpected error; the hub must be restarted", index, e);
            } finally {
                consumers.remove(consumer);
                consumer.close(Duration.ofSeconds(10));
            }
        }

        /**
         * Works through one polled batch in order. Fetched events are written without waiting; before a retry
         * wait and at the end of the batch the worker waits for the broker and commits the acknowledged prefix.
         */
        private void handle(ConsumerRecords<String, byte[]> records) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            records.forEach(all::add);
            List<FetchOutcome.Sent> sent = new ArrayList<>();
            int settled = 0;
            Duration backoff = initialBackoff;
            for (int i = 0; i < all.size(); ) {
                if (!running) {
                    settled = settle(all, sent, settled, done);
                    rewind(all.subList(settled, all.size()), done);
                    return;
                }
                ConsumerRecord<String, byte[]> record = all.get(i);
                FetchOutcome outcome = fetcher.fetch(record.value());
                if (outcome instanceof FetchOutcome.Dead dead) {
                    outcome = deadLetter(record, dead.reason()) ? FetchOutcome.Sent.nothing()
                            : new FetchOutcome.Retry(null, "cannot write to " + FetchTopics.FETCH_DLQ);
                }
                if (outcome instanceof FetchOutcome.Retry retry) {
                    retries.incrementAndGet();
                    settled = settle(all, sent, settled, done);
                    commit(done);
                    if (settled < i) {
                        // The broker did not take an earlier reference's events: fetch again from there.
                        rewind(all.subList(settled, all.size()), done);
                        return;
                    }
                    Duration wait = retry.after() != null ? min(retry.after(), LONGEST_WAIT) : backoff;
                    backoff = min(backoff.multipliedBy(2), maxBackoff);
                    LOG.info("fetch worker {}: waiting {} ms before trying {} again: {}", index, wait.toMillis(),
                            record.key(), retry.reason());
                    if (!waitBeforeRetry(wait, records.partitions())) {
                        rewind(all.subList(i, all.size()), done);
                        return;
                    }
                    continue;
                }
                sent.add((FetchOutcome.Sent) outcome);
                backoff = initialBackoff;
                i++;
            }
            settled = settle(all, sent, settled, done);
            commit(done);
            if (settled < all.size()) {
                rewind(all.subList(settled, all.size()), done);
            }
        }

        /**
         * Waits, in order, for the broker to acknowledge the events of the references sent since {@code from};
         * marks each acknowledged one done. Answers how many references of the batch are settled: at the first
         * that was not acknowledged, it and every later one are forgotten, to be fetched again.
         */
        private int settle(List<ConsumerRecord<String, byte[]>> all, List<FetchOutcome.Sent> sent, int from,
                           Map<TopicPartition, OffsetAndMetadata> done) {
            for (int i = from; i < sent.size(); i++) {
                try {
                    sent.get(i).acked().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.warn("fetch worker {}: Kafka did not acknowledge the events fetched for {}; fetching again: {}",
                            index, all.get(i).key(), e.getMessage());
                    sent.subList(i, sent.size()).forEach(fetcher::forget);
                    sent.subList(i, sent.size()).clear();
                    return i;
                }
                ConsumerRecord<String, byte[]> record = all.get(i);
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            return sent.size();
        }

        private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.remove(KafkaHeaders.REASON);
            headers.add(KafkaHeaders.REASON, KafkaHeaders.bytes(reason));
            try {
                dlq.send(new ProducerRecord<>(FetchTopics.FETCH_DLQ, null, record.key(), record.value(), headers))
                        .get(30, TimeUnit.SECONDS);
                deadLettered.incrementAndGet();
                String channel = KafkaHeaders.text(record.headers(), KafkaHeaders.CHANNEL);
                metrics.rejected(channel == null ? "unknown" : channel, "fetch");
                LOG.warn("{} sent to {}: {}", record.key(), FetchTopics.FETCH_DLQ, reason);
                return true;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.error("cannot write {} to {}: {}", record.key(), FetchTopics.FETCH_DLQ, e.getMessage());
                return false;
            }
        }

        private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
            done.keySet().removeIf(partition -> !partitions.owns(partition));
            if (!done.isEmpty()) {
                consumer.commitSync(done);
                done.clear();
            }
        }

        /**
         * Waits with the partitions paused, polling so the consumer stays in its group. False when the
         * batch must be abandoned: the hub is stopping, or a rebalance moved one of its partitions.
         */
        private boolean waitBeforeRetry(Duration wait, Set<TopicPartition> batch) {
            return partitions.waitPaused(wait, batch, () -> running, LOG, "it fetches from the last commit");
        }

        /** Commits what is done and puts each still-assigned partition back to its first unfinished record. */
        private void rewind(List<ConsumerRecord<String, byte[]>> unfinished, Map<TopicPartition, OffsetAndMetadata> done) {
            try {
                commit(done);
            } catch (RuntimeException e) {
                LOG.warn("could not commit finished fetches before stopping: {}", e.getMessage());
            }
            if (!running) {
                return;
            }
            Map<TopicPartition, Long> first = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : unfinished) {
                first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
            first.forEach((partition, offset) -> {
                if (partitions.owns(partition)) {
                    consumer.seek(partition, offset);
                }
            });
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
