package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.hub.kafka.AckedSends;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queues references durably on {@value FetchTopics#FETCH} (acks=all, idempotent producer) and tells
 * when the broker acknowledged every one: only then may the vendor's notification be acknowledged
 * (the SQS message deleted, the webhook answered) or a poll's watermark move. One per hub, thread-safe.
 */
public final class FetchQueue implements AutoCloseable {

    private final Producer<String, byte[]> producer;

    public FetchQueue(String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-fetch-queue"));
    }

    /** Completes when every reference is on the broker; fails with the first error. Nothing to queue: done at once. */
    public CompletableFuture<Void> queue(String channelId, List<FetchRef> refs, Instant receivedAt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (refs.isEmpty()) {
            done.complete(null);
            return done;
        }
        AtomicInteger pending = new AtomicInteger(refs.size());
        for (FetchRef ref : refs) {
            FetchTask task = new FetchTask(channelId, ref, receivedAt);
            RecordHeaders headers = new RecordHeaders();
            headers.add(KafkaHeaders.CHANNEL, KafkaHeaders.bytes(channelId));
            AckedSends.send(producer, new ProducerRecord<>(FetchTopics.FETCH, null, task.key(), task.toJson(), headers),
                    done, pending);
        }
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
