package org.omnichannel.ofbiz.ingest;

/**
 * Outbox cursors: the row's sequence number as 16 zero-padded digits, so that string order is
 * write order (docs/ofbiz-hub-contract.md: cursors are opaque strings that sort in write order).
 */
public final class OutboxCursor {

    public static final int WIDTH = 16;

    private OutboxCursor() {
    }

    public static String of(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("an outbox sequence cannot be negative: " + sequence);
        }
        String digits = Long.toString(sequence);
        if (digits.length() > WIDTH) {
            throw new IllegalArgumentException("outbox sequence " + sequence + " is wider than " + WIDTH + " digits");
        }
        return "0".repeat(WIDTH - digits.length()) + digits;
    }

    /** A cursor the hub sent back; empty means "from the start". */
    public static String checked(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        if (cursor.length() != WIDTH || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this outbox wrote ("
                    + WIDTH + " digits)");
        }
        return cursor;
    }
}
