package org.omnichannel.hub.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends several records as one unit: a future completed when the broker acknowledged them all, or failed with the first error. */
public final class AckedSends {

    private AckedSends() {
    }

    /**
     * Sends one record of a unit of {@code pending} records; the last acknowledgement completes {@code done},
     * any failure (in the callback or in {@code send} itself) fails it.
     */
    public static void send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record,
            CompletableFuture<Void> done, AtomicInteger pending) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else if (pending.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }
}
