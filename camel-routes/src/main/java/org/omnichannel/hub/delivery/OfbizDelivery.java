package org.omnichannel.hub.delivery;

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
import org.omnichannel.hub.kafka.HubTopics;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers omni.inbound to OFBiz: polls a batch, POSTs it to ingestEvents, sends REJECTED events
 * to omni.inbound.dlq with their reason, retries RETRY events and whole batches while OFBiz is
 * down (exponential back-off), and commits the offsets only once every event of the batch is
 * settled. The delivery is at-least-once; OFBiz's receipts by eventId make it exactly-once.
 *
 * <p>A plain KafkaConsumer rather than the camel-kafka consumer: the commit must follow OFBiz's
 * answer for the whole batch, and while OFBiz is down the partitions are paused and the consumer
 * keeps polling (so it stays in its group) instead of redelivering from the last commit.
 */
public final class OfbizDelivery extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OfbizDelivery.class);

    private final String bootstrapServers;
    private final String groupId;
    private final int batchSize;
    private final OfbizClient ofbiz;
    private final HubMetrics metrics;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile boolean ofbizRefusing;
    private volatile long lastSuccessNanos = System.nanoTime();
    private Thread worker;
    private KafkaConsumer<String, byte[]> consumer;
    private RevocationTracker partitions;
    private KafkaProducer<String, byte[]> dlq;

    public OfbizDelivery(String bootstrapServers, String groupId, int batchSize, OfbizClient ofbiz, HubMetrics metrics,
                         Duration initialBackoff, Duration maxBackoff) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.batchSize = Math.min(batchSize, 500);
        this.ofbiz = ofbiz;
        this.metrics = metrics;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** False while OFBiz refuses the hub's credentials (401/403): an operator must act. */
    public boolean credentialsAccepted() {
        return !ofbizRefusing;
    }

    @Override
    protected void doStart() {
        consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, groupId, "omni-hub-delivery", batchSize));
        partitions = new RevocationTracker(consumer);
        dlq = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-delivery-dlq"));
        running = true;
        worker = new Thread(this::run, "omni-ofbiz-delivery");
        worker.start();
        LOG.info("delivering {} to OFBiz at {} (consumer group '{}', batches of up to {})", HubTopics.INBOUND, ofbiz,
                groupId, batchSize);
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (dlq != null) {
            dlq.close(Duration.ofSeconds(10));
        }
    }

    private void run() {
        try {
            partitions.subscribe(HubTopics.INBOUND);
            partitions.pollWhile(() -> running, this::deliver);
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("OFBiz delivery stopped on an unexpected error; the hub must be restarted", e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Delivers one polled batch until every event is settled, then commits it. */
    private void deliver(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
        records.forEach(pending::add);
        Backoff backoff = new Backoff(initialBackoff, maxBackoff);
        while (!pending.isEmpty()) {
            if (!running) {
                return;
            }
            IngestAnswer answer = ofbiz.ingest(pending.stream().map(ConsumerRecord::value).toList());
            List<ConsumerRecord<String, byte[]>> retry;
            if (answer instanceof IngestAnswer.Results results) {
                retry = settle(pending, results);
            } else if (answer instanceof IngestAnswer.BadRequest bad) {
                retry = oneByOne(pending, bad);
            } else if (answer instanceof IngestAnswer.Refused refused) {
                LOG.error("OFBiz refused the hub's credentials (HTTP {}): check omni.ofbiz.username/password and "
                        + "that the user has OMNI_INGEST; delivery waits", refused.status());
                retry = pending;
            } else {
                LOG.warn("OFBiz unavailable ({}); {} event(s) wait for the next attempt",
                        ((IngestAnswer.Unavailable) answer).reason(), pending.size());
                retry = pending;
            }
            ofbizRefusing = answer instanceof IngestAnswer.Refused;
            if (!retry.isEmpty() && !waitBeforeRetry(backoff.next(), records.partitions())) {
                rewind(records);
                return;
            }
            pending = retry;
        }
        commit(records);
        lastSuccessNanos = System.nanoTime();
    }

    private List<ConsumerRecord<String, byte[]>> settle(List<ConsumerRecord<String, byte[]>> sent,
                                                         IngestAnswer.Results answer) {
        List<ConsumerRecord<String, byte[]>> retry = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            ConsumerRecord<String, byte[]> record = sent.get(i);
            IngestAnswer.EventResult result = answer.results().get(i);
            String channel = KafkaHeaders.text(record.headers(), KafkaHeaders.CHANNEL);
            switch (result.status()) {
                case ACCEPTED, DUPLICATE -> metrics.delivered(channel, result.status().name());
                case REJECTED -> {
                    metrics.delivered(channel, result.status().name());
                    deadLetter(record, result.reason() == null ? "rejected by OFBiz" : result.reason());
                }
                case RETRY -> retry.add(record);
            }
            LOG.debug("event {} -> {}", result.eventId(), result.status());
        }
        return retry;
    }

    /** OFBiz did not understand the batch: sends each event alone to find the bad one(s). */
    private List<ConsumerRecord<String, byte[]>> oneByOne(List<ConsumerRecord<String, byte[]>> sent,
                                                          IngestAnswer.BadRequest batchAnswer) {
        if (sent.size() == 1) {
            deadLetter(sent.get(0), "OFBiz answered 400: " + batchAnswer.message());
            return List.of();
        }
        List<ConsumerRecord<String, byte[]>> retry = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : sent) {
            IngestAnswer answer = ofbiz.ingest(List.of(record.value()));
            if (answer instanceof IngestAnswer.Results results) {
                retry.addAll(settle(List.of(record), results));
            } else if (answer instanceof IngestAnswer.BadRequest bad) {
                deadLetter(record, "OFBiz answered 400: " + bad.message());
            } else {
                retry.add(record);
            }
        }
        return retry;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(KafkaHeaders.REASON);
        headers.add(KafkaHeaders.REASON, KafkaHeaders.bytes(reason));
        try {
            dlq.send(new ProducerRecord<>(HubTopics.INBOUND_DLQ, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            LOG.warn("event {} sent to {}: {}", KafkaHeaders.text(record.headers(), KafkaHeaders.EVENT_ID),
                    HubTopics.INBOUND_DLQ, reason);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + HubTopics.INBOUND_DLQ + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + HubTopics.INBOUND_DLQ, e);
        }
    }

    /**
     * Waits with the batch's partitions paused, polling so the consumer stays in its group.
     * False when the batch must be abandoned: the hub is stopping, or a rebalance gave one of its
     * partitions to another hub (which will deliver from the last commit).
     */
    private boolean waitBeforeRetry(Duration wait, Set<TopicPartition> batch) {
        return partitions.waitPaused(wait, batch, () -> running, LOG, "it redelivers from the last commit");
    }

    /** Puts the still-assigned partitions of an abandoned batch back to its start, so it is polled again. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        if (!running) {
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            if (partitions.owns(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        consumer.commitSync(offsets);
    }

    /** Seconds since the last batch was confirmed by OFBiz (for health and metrics). */
    public long secondsSinceLastDelivery() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastSuccessNanos);
    }
}
