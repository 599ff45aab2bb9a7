package org.omnichannel.connector.spi;

import java.time.Duration;

/**
 * A vendor API call of a {@link FetchSource} failed. {@link #retryable()} is true for what may pass
 * later (I/O error, 5xx, 429 after the source's own back-off): the hub keeps the reference queued
 * and tries again. False (400, 403, 404): the reference is dead-lettered with this message. The
 * message names the call and the vendor's status, never a credential or personal data.
 */
public class FetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Duration retryAfter;

    public FetchException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public FetchException(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the vendor asked to wait (Retry-After, a rate-limit header), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
