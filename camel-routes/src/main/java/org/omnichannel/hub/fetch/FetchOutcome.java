package org.omnichannel.hub.fetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What became of one queued reference. */
sealed interface FetchOutcome {

    /**
     * Fetched; its new events (none when the object was unchanged or not actionable) are being written to
     * omni.inbound and {@code acked} completes when the broker has them all. Until then the reference is not done.
     */
    record Sent(CompletableFuture<Void> acked, List<String> eventIds, String notificationKey) implements FetchOutcome {

        static Sent nothing() {
            return new Sent(CompletableFuture.completedFuture(null), List.of(), null);
        }
    }

    /** The vendor (or Kafka) failed in a way that may pass: try the same reference again after {@code after} (null: back-off). */
    record Retry(Duration after, String reason) implements FetchOutcome {
    }

    /** Cannot succeed as it is: to {@value FetchTopics#FETCH_DLQ} with the reason. */
    record Dead(String reason) implements FetchOutcome {
    }
}
