package org.omnichannel.ofbiz.ingest;

/** The answer for one event of an ingest request (docs/ofbiz-hub-contract.md). */
public enum IngestStatus {
    /** Stored and processed in one transaction. */
    ACCEPTED,
    /** A receipt for that eventId exists: nothing changed. */
    DUPLICATE,
    /** Nothing stored; the reason says what is wrong, and retrying unchanged gives the same answer. */
    REJECTED,
    /** Failed for a transient reason (lock timeout, shutdown): the hub retries it later. */
    RETRY
}
