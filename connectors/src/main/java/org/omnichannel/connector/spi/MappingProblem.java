package org.omnichannel.connector.spi;

/**
 * Something in an authentic request that did not become an event, reported rather than dropped:
 * a notification type no connector maps, or one bad part (a CSV row) of a request whose other parts
 * were mapped. The hub acknowledges the request (the vendor must not retry it) and records these.
 *
 * @param kind    what went wrong
 * @param where   where in the request: "event_type PAYSCORE.USER_OPEN_SERVICE", "line 7", "order 4711"
 * @param message what is wrong, in words safe to log (never a secret)
 */
public record MappingProblem(Kind kind, String where, String message) {

    /** The closed set of reasons a part of a request is not mapped. */
    public enum Kind {
        /** The vendor sent a type of notification or message this connector does not map. */
        UNSUPPORTED,
        /** One part of the request (a row, an order of a file) is invalid; the rest was mapped. */
        INVALID_PART
    }

    public MappingProblem {
        if (kind == null) {
            throw new IllegalArgumentException("a mapping problem needs a kind");
        }
        if (where == null || where.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a mapping problem needs where and a message");
        }
    }

    public static MappingProblem unsupported(String where, String message) {
        return new MappingProblem(Kind.UNSUPPORTED, where, message);
    }

    public static MappingProblem invalid(String where, String message) {
        return new MappingProblem(Kind.INVALID_PART, where, message);
    }

    @Override
    public String toString() {
        return kind + " " + where + ": " + message;
    }
}
