package org.omnichannel.hub.ingress;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.kafka.AckedSends;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a request's raw body to omni.raw and its events to omni.inbound with one durable,
 * idempotent producer shared by every channel, and tells when the broker has acknowledged all of
 * them: only then may the hub answer the vendor 2xx.
 */
public final class InboundPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;

    public InboundPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-ingress"));
    }

    /** Completes when every record is acknowledged by the broker (acks=all); fails with the first error. */
    public CompletableFuture<Void> publish(RawBody raw, List<ChannelEvent> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(1 + events.size());
        send(raw.toRecord(), done, pending);
        sendEvents(events, done, pending);
        return done;
    }

    /**
     * Completes when every event is acknowledged by the broker (acks=all); for sources whose raw copy
     * is kept elsewhere (a dropped file stays in the drop directory's done/ folder, far larger than a
     * Kafka record may be). An empty list completes at once.
     */
    public CompletableFuture<Void> publishEvents(List<ChannelEvent> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(null);
            return done;
        }
        sendEvents(events, done, new AtomicInteger(events.size()));
        return done;
    }

    private void sendEvents(List<ChannelEvent> events, CompletableFuture<Void> done, AtomicInteger pending) {
        for (ChannelEvent event : events) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(KafkaHeaders.CHANNEL, KafkaHeaders.bytes(event.channelId()));
            headers.add(KafkaHeaders.EVENT_ID, KafkaHeaders.bytes(event.eventId()));
            send(new ProducerRecord<>(HubTopics.INBOUND, null, EventKeys.keyOf(event), ChannelEventJson.toBytes(event), headers),
                    done, pending);
        }
    }

    /** Quarantines a body that could not be mapped, with the reason, for inspection and replay. */
    public CompletableFuture<Void> quarantine(RawBody raw, String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(raw.quarantined(reason).toRecord(), done, new AtomicInteger(1));
        return done;
    }

    private void send(ProducerRecord<String, byte[]> record, CompletableFuture<Void> done, AtomicInteger pending) {
        AckedSends.send(producer, record, done, pending);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
