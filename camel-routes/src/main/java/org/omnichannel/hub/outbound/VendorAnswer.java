package org.omnichannel.hub.outbound;

import java.time.Duration;

/** How a vendor answered one pushed request, as far as the pusher cares. */
sealed interface VendorAnswer {

    /** 2xx: the vendor took it. */
    record Confirmed(int status) implements VendorAnswer {
    }

    /** 429 (or 503 with Retry-After): try again after {@code retryAfter}, or after the back-off when it is null. */
    record Throttled(int status, Duration retryAfter) implements VendorAnswer {
    }

    /** 5xx, 408, a timeout or I/O: try again after the back-off. */
    record Unavailable(String reason) implements VendorAnswer {
    }

    /** Any other 4xx: the request will not succeed as it is; the message goes to omni.outbound.dlq. */
    record Refused(int status, String excerpt) implements VendorAnswer {
    }

    /** Still unavailable or throttled after {@code omni.outbound.giveUpAfterMs}: dead-lettered, to be replayed. */
    record GaveUp(String reason) implements VendorAnswer {
    }
}
