package org.omnichannel.hub.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.hub.delivery.Backoff;
import org.omnichannel.hub.delivery.OfbizClient;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads OFBiz's outbox ({@code outboxRead}) and queues every entry on omni.outbound, then remembers how
 * far it got and tells OFBiz ({@code outboxAck}).
 *
 * <p><b>One poller among N hubs.</b> Every hub subscribes to the single partition of {@link CursorTopic} in
 * the consumer group {@code omni.outbox.groupId}; Kafka assigns it to one member, and only that hub polls.
 * When it stops (or stops heart-beating), the partition moves to another hub, which takes over.
 *
 * <p><b>The cursor.</b> The entries and the new cursor are written in one Kafka transaction (transactional
 * id {@code omni-outbox-<group>}, acks=all, idempotent): either both are on the broker or neither is. A hub
 * taking over first initialises that transactional id, which fences the previous poller and aborts whatever
 * it left open, then reads the cursor topic to its end. So a restart or a takeover resumes after the last
 * published entry and never re-reads an acknowledged one. outboxAck follows the commit; if it fails it is
 * sent again later (OFBiz's acknowledgement is for its audit; the hub's position is the cursor topic).
 */
public final class OutboxPoller extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);
    /** Header with the entry's outbox cursor on omni.outbound. */
    static final String CURSOR_HEADER = "omni.outbox.cursor";
    static final String MESSAGE_ID_HEADER = "omni.messageId";

    private final String bootstrapServers;
    private final OfbizClient ofbiz;
    private final String cursorKey;
    private final OutboundSettings settings;
    private final HubMetrics metrics;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean leader;
    private volatile boolean refused;
    private volatile String cursor = "";
    private volatile String problem;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long lagSeconds;
    private volatile boolean assigned;
    private String unacknowledged;
    private Thread worker;
    private KafkaConsumer<String, byte[]> election;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param ofbizBaseUrl the key of this OFBiz's cursor, so a hub pointed at another OFBiz starts afresh
     */
    public OutboxPoller(String bootstrapServers, OfbizClient ofbiz, String ofbizBaseUrl, OutboundSettings settings,
                        HubMetrics metrics, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.ofbiz = ofbiz;
        this.cursorKey = ofbizBaseUrl;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether this hub is the one polling the outbox now. */
    public boolean leader() {
        return leader;
    }

    /** The last cursor published to omni.outbound ("" before the first entry). */
    public String cursor() {
        return cursor;
    }

    /** False while OFBiz refuses the hub's credentials for outboxRead (401/403). */
    public boolean credentialsAccepted() {
        return !refused;
    }

    /** What went wrong on the last read, or null. */
    public String problem() {
        return problem;
    }

    public long secondsSinceLastRead() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastReadNanos);
    }

    /** How long the oldest entry of the last non-empty read had waited in the outbox, in seconds; 0 when caught up. */
    public long lagSeconds() {
        return lagSeconds;
    }

    @Override
    protected void doStart() {
        election = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, settings.outboxGroupId(), "omni-hub-outbox", 100));
        running = true;
        worker = new Thread(this::run, "omni-outbox-poller");
        worker.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        // The worker sees the flag within one poll, after finishing (and acknowledging) a read in progress.
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(20));
            if (worker.isAlive() && election != null) {
                election.wakeup();
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    private void run() {
        try {
            election.subscribe(List.of(CursorTopic.NAME), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned = true;
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned = false;
                        stepDown("the outbox moved to another hub");
                    }
                }
            });
            Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
            long nextRead = System.nanoTime();
            while (running) {
                long wait = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextRead - System.nanoTime()));
                election.poll(Duration.ofMillis(leader ? Math.min(Math.max(wait, 1), 500) : 500));
                if (assigned && !leader) {
                    takeOver();
                    nextRead = System.nanoTime();
                }
                if (!leader || System.nanoTime() < nextRead) {
                    continue;
                }
                Duration next;
                try {
                    next = readOnce();
                    backoff.reset();
                } catch (Unavailable e) {
                    next = backoff.next();
                    problem = e.getMessage();
                    LOG.warn("outbox: {}; next attempt in {} ms", e.getMessage(), next.toMillis());
                }
                nextRead = System.nanoTime() + next.toNanos();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("outbox poller woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("outbox poller stopped on an unexpected error; the hub must be restarted", e);
        } finally {
            stepDown("the hub is stopping");
            election.close(Duration.ofSeconds(10));
        }
    }

    /** This hub got the cursor partition: fence the previous poller, then read where it got to. */
    private void takeOver() {
        try {
            producer = new KafkaProducer<>(transactionalProducer());
            producer.initTransactions();
            TopicPartition partition = new TopicPartition(CursorTopic.NAME, 0);
            election.seekToBeginning(List.of(partition));
            long end = election.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            String last = "";
            while (assigned && running && election.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : election.poll(Duration.ofMillis(500)).records(partition)) {
                    if (cursorKey.equals(record.key()) && record.value() != null) {
                        last = new String(record.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            if (!assigned || !running) {
                stepDown("the outbox moved while taking over");
                return;
            }
            cursor = last;
            leader = true;
            LOG.info("this hub polls the OFBiz outbox now, after cursor '{}'", last);
        } catch (KafkaException e) {
            LOG.warn("could not take over the outbox poll: {}", e.getMessage());
            stepDown("take-over failed");
        }
    }

    private Map<String, Object> transactionalProducer() {
        Map<String, Object> config = KafkaSettings.producer(bootstrapServers, "omni-hub-outbox");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "omni-outbox-" + settings.outboxGroupId());
        return config;
    }

    private void stepDown(String why) {
        if (leader) {
            LOG.info("this hub stops polling the outbox: {}", why);
        }
        leader = false;
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (KafkaException e) {
                LOG.debug("closing the outbox producer: {}", e.getMessage());
            }
            producer = null;
        }
    }

    /** One outboxRead, published and acknowledged; the wait before the next. */
    private Duration readOnce() throws Unavailable {
        acknowledge();
        JsonNode answer;
        try {
            answer = ofbiz.call("outboxRead", Map.of("after", cursor, "limit", settings.pollLimit()));
        } catch (OfbizClient.StatusException e) {
            refused = e.refused();
            throw new Unavailable(e.getMessage() + (e.refused()
                    ? ": check omni.ofbiz.username/password and that the user may read the outbox" : ""));
        } catch (IOException e) {
            throw new Unavailable("OFBiz did not answer outboxRead: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        refused = false;
        lastReadNanos = System.nanoTime();
        List<JsonNode> entries;
        try {
            entries = OutboxEntry.entriesOf(answer);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("OFBiz's outboxRead answer is not the contract's: " + e.getMessage());
        }
        problem = null;
        if (entries.isEmpty()) {
            lagSeconds = 0;
            return settings.pollInterval();
        }
        String last = publish(entries);
        cursor = last;
        unacknowledged = last;
        acknowledge();
        return entries.size() >= settings.pollLimit() ? Duration.ZERO : settings.pollInterval();
    }

    /** Queues the entries and the new cursor in one transaction; returns that cursor. */
    private String publish(List<JsonNode> entries) throws Unavailable {
        String last = null;
        Instant oldest = null;
        try {
            producer.beginTransaction();
            for (JsonNode node : entries) {
                JsonNode entryCursor = node.get("cursor");
                if (entryCursor == null || entryCursor.asText().isBlank()) {
                    throw new IllegalArgumentException("an outbox entry has no cursor; the hub cannot move past it");
                }
                last = entryCursor.asText();
                RecordHeaders headers = new RecordHeaders();
                headers.add(CURSOR_HEADER, KafkaHeaders.bytes(last));
                try {
                    OutboxEntry entry = OutboxEntry.of(node);
                    headers.add(KafkaHeaders.CHANNEL, KafkaHeaders.bytes(entry.channelId()));
                    headers.add(MESSAGE_ID_HEADER, KafkaHeaders.bytes(entry.messageId()));
                    producer.send(new ProducerRecord<>(HubTopics.OUTBOUND, null, entry.key(), entry.bytes(), headers));
                    oldest = older(oldest, entry.createdAt());
                } catch (IllegalArgumentException bad) {
                    headers.add(KafkaHeaders.REASON, KafkaHeaders.bytes(bad.getMessage()));
                    producer.send(new ProducerRecord<>(HubTopics.OUTBOUND_DLQ, null, "outbox:" + last,
                            OutboxEntry.JSON.writeValueAsBytes(node), headers));
                    metrics.outbound(textOr(node, "channelId"), "dead-lettered", 1);
                    LOG.warn("outbox entry at cursor {} sent to {}: {}", last, HubTopics.OUTBOUND_DLQ, bad.getMessage());
                }
            }
            producer.send(new ProducerRecord<>(CursorTopic.NAME, cursorKey, last.getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            stepDown("another hub took the outbox over");
            throw new Unavailable("fenced by another hub");
        } catch (KafkaException | IOException | IllegalArgumentException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abort) {
                stepDown("the transaction could not be aborted: " + abort.getMessage());
            }
            throw new Unavailable("could not queue " + entries.size() + " outbox entries: " + e.getMessage());
        }
        metrics.outboxPublished(entries.size());
        lagSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        LOG.info("queued {} outbox entries on {} up to cursor {}", entries.size(), HubTopics.OUTBOUND, last);
        return last;
    }

    private void acknowledge() {
        if (unacknowledged == null) {
            return;
        }
        try {
            ofbiz.call("outboxAck", Map.of("upTo", unacknowledged));
            unacknowledged = null;
        } catch (IOException e) {
            LOG.warn("outboxAck up to {} failed ({}); it is sent again with the next read", unacknowledged, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant older(Instant oldest, String createdAt) {
        if (createdAt == null) {
            return oldest;
        }
        try {
            Instant at = Instant.parse(createdAt);
            return oldest == null || at.isBefore(oldest) ? at : oldest;
        } catch (DateTimeParseException e) {
            return oldest;
        }
    }

    private static String textOr(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "unknown" : value.asText();
    }

    /** The outbox cannot be read or queued now; retried after a back-off. */
    private static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
