package org.omnichannel.core.incentive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one order earned and how much of it has been reversed. Refunds reverse credit in
 * proportion to the money given back: after refunds totalling R of a grand total G, each credit C
 * stands reversed by round(C × min(R, G) / G), half away from zero, so a full refund or a
 * cancellation reverses every credit exactly and partial refunds never drift.
 */
final class OrderCredits {

    private final String currency;
    private final long grandTotalMinor;
    private final List<LedgerEntry> credits;
    private final long[] reversed;
    private long refundedMinor;

    OrderCredits(String currency, long grandTotalMinor, List<LedgerEntry> credits) {
        this.currency = currency;
        this.grandTotalMinor = grandTotalMinor;
        this.credits = List.copyOf(credits);
        this.reversed = new long[credits.size()];
    }

    String currency() {
        return currency;
    }

    /** Reversal entries for a refund of {@code amountMinor} more. */
    List<LedgerEntry> refund(long amountMinor, String sourceEventId, Instant at, String periodId) {
        refundedMinor = Math.addExact(refundedMinor, amountMinor);
        return reverseTo(Math.min(refundedMinor, grandTotalMinor), sourceEventId, at, periodId);
    }

    /** Reversal entries for everything not yet reversed. */
    List<LedgerEntry> cancel(String sourceEventId, Instant at, String periodId) {
        refundedMinor = grandTotalMinor;
        return reverseTo(grandTotalMinor, sourceEventId, at, periodId);
    }

    private List<LedgerEntry> reverseTo(long refunded, String sourceEventId, Instant at, String periodId) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            long credit = credits.get(i).amount().value();
            long target = grandTotalMinor == 0 ? credit : Shares.proportion(credit, refunded, grandTotalMinor);
            long part = target - reversed[i];
            if (part != 0) {
                reversed[i] = target;
                entries.add(credits.get(i).reversal(part, sourceEventId, at, periodId));
            }
        }
        return entries;
    }
}
