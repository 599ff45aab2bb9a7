package org.omnichannel.hub.fetch;

import java.time.Duration;

/** What became of one queued reference. */
sealed interface FetchOutcome {

    /** Fetched, and its new events are on omni.inbound (none when the object was unchanged or not actionable). */
    record Done(int events) implements FetchOutcome {
    }

    /** The vendor (or Kafka) failed in a way that may pass: try the same reference again after {@code after} (null: back-off). */
    record Retry(Duration after, String reason) implements FetchOutcome {
    }

    /** Cannot succeed as it is: to {@value FetchTopics#FETCH_DLQ} with the reason. */
    record Dead(String reason) implements FetchOutcome {
    }
}
