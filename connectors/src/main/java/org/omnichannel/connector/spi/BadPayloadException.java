package org.omnichannel.connector.spi;

/**
 * The request was authentic but cannot be mapped: the hub answers 400 with this message and
 * quarantines the raw body. The message says what is wrong and where (a field, a line).
 */
public class BadPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadPayloadException(String message) {
        super(message);
    }

    public BadPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
