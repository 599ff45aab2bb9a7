package org.omnichannel.hub.delivery;

import java.util.List;

/** What OFBiz's ingestEvents request answered (docs/ofbiz-hub-contract.md). */
public sealed interface IngestAnswer {

    /** Per-event status, as OFBiz reports it. */
    enum Status { ACCEPTED, DUPLICATE, REJECTED, RETRY }

    /** One event's result. */
    record EventResult(String eventId, Status status, String reason) {
    }

    /** 200: one result per event, in the order sent. */
    record Results(List<EventResult> results) implements IngestAnswer {
        public Results {
            results = List.copyOf(results);
        }
    }

    /** 401 or 403: the credentials are wrong or lack OMNI_INGEST; retrying will not help until fixed. */
    record Refused(int status) implements IngestAnswer {
    }

    /** 400: the batch as a whole was not understood; the bad event is found by sending them one by one. */
    record BadRequest(String message) implements IngestAnswer {
    }

    /** 5xx, timeout, connection refused, an unreadable answer: retry the same batch later. */
    record Unavailable(String reason) implements IngestAnswer {
    }
}
