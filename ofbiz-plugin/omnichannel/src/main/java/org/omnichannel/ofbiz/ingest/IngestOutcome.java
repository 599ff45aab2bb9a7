package org.omnichannel.ofbiz.ingest;

import java.util.Objects;

/** What happened to one event: its id (when it could be read), the status and, unless accepted, why. */
public record IngestOutcome(String eventId, IngestStatus status, String reason) {

    public IngestOutcome {
        Objects.requireNonNull(status, "status");
        if (status != IngestStatus.ACCEPTED && status != IngestStatus.DUPLICATE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(status + " needs a reason");
        }
    }

    public static IngestOutcome accepted(String eventId) {
        return new IngestOutcome(eventId, IngestStatus.ACCEPTED, null);
    }

    public static IngestOutcome duplicate(String eventId) {
        return new IngestOutcome(eventId, IngestStatus.DUPLICATE, null);
    }

    public static IngestOutcome rejected(String eventId, String reason) {
        return new IngestOutcome(eventId, IngestStatus.REJECTED, reason);
    }

    public static IngestOutcome retry(String eventId, String reason) {
        return new IngestOutcome(eventId, IngestStatus.RETRY, reason);
    }
}
