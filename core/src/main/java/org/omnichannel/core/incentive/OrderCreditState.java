package org.omnichannel.core.incentive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one order earned and how much of it stands reversed: the state the engine needs to reverse
 * credit when refunds and cancellations come, kept by the {@link AttributionStore}.
 *
 * <p>Refunds reverse credit in proportion to the money given back: after refunds totalling R of a
 * grand total G, each credit C stands reversed by round(C × min(R, G) / G), half away from zero,
 * so a full refund or a cancellation reverses every credit exactly and partial refunds never drift.
 *
 * @param orderRef        "channelId/orderId"
 * @param currency        the order's currency; refunds must be in it
 * @param grandTotalMinor what the fan paid
 * @param refundedMinor   refunded so far (may exceed the grand total; only the grand total counts)
 * @param lines           each credit the order booked and how much of it stands reversed
 */
public record OrderCreditState(String orderRef, String currency, long grandTotalMinor, long refundedMinor,
                               List<CreditLine> lines) {

    /**
     * @param credit   the entry the order booked
     * @param reversed how much of its value stands reversed, with the credit's sign
     */
    public record CreditLine(LedgerEntry credit, long reversed) {
    }

    /** The next state and the reversal entries that lead to it. */
    public record Reversal(OrderCreditState next, List<LedgerEntry> entries) {
    }

    public OrderCreditState {
        PlanChecks.required(orderRef, "orderRef");
        PlanChecks.required(currency, "currency");
        lines = List.copyOf(lines);
    }

    /** A freshly credited order, nothing refunded. */
    static OrderCreditState credited(String orderRef, String currency, long grandTotalMinor, List<LedgerEntry> credits) {
        List<CreditLine> lines = new ArrayList<>(credits.size());
        for (LedgerEntry credit : credits) {
            lines.add(new CreditLine(credit, 0));
        }
        return new OrderCreditState(orderRef, currency, grandTotalMinor, 0, lines);
    }

    /** A refund of {@code amountMinor} more. */
    Reversal refund(long amountMinor, String sourceEventId, Instant at, String periodId) {
        long refunded = Math.addExact(refundedMinor, amountMinor);
        return reverseTo(refunded, Math.min(refunded, grandTotalMinor), sourceEventId, at, periodId);
    }

    /** Everything not yet reversed. */
    Reversal cancel(String sourceEventId, Instant at, String periodId) {
        return reverseTo(Math.max(refundedMinor, grandTotalMinor), grandTotalMinor, sourceEventId, at, periodId);
    }

    private Reversal reverseTo(long refunded, long counted, String sourceEventId, Instant at, String periodId) {
        List<LedgerEntry> entries = new ArrayList<>();
        List<CreditLine> next = new ArrayList<>(lines.size());
        for (CreditLine line : lines) {
            long credit = line.credit().amount().value();
            long target = grandTotalMinor == 0 ? credit : Shares.proportion(credit, counted, grandTotalMinor);
            long part = target - line.reversed();
            if (part != 0) {
                entries.add(line.credit().reversal(part, sourceEventId, at, periodId));
            }
            next.add(new CreditLine(line.credit(), target));
        }
        return new Reversal(new OrderCreditState(orderRef, currency, grandTotalMinor, refunded, next), entries);
    }
}
