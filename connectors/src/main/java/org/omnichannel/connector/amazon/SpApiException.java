package org.omnichannel.connector.amazon;

/**
 * An SP-API or Login with Amazon call failed. {@link #retryable()} says whether trying again later can
 * help (I/O, 5xx, 429 after the back-off ran out) or not (400 InvalidInput, 403, 404). The message
 * names the operation, the HTTP status and Amazon's error code and message, never a token.
 */
public class SpApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean retryable;

    public SpApiException(String message, int status, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    public SpApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.retryable = true;
    }

    /** The HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
