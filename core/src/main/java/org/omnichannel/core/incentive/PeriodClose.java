package org.omnichannel.core.incentive;

import java.time.Instant;
import java.util.List;

/**
 * A closed period: its payouts are frozen, no entry can be booked into it any more, and late
 * corrections (a refund of a sale it paid for) go to the next open period.
 *
 * @param payouts one per employee and unit, ordered by employee id then unit
 */
public record PeriodClose(String periodId, Instant closedAt, List<Payout> payouts) {

    public PeriodClose {
        PlanChecks.required(periodId, "periodId");
        PlanChecks.required(closedAt, "closedAt");
        payouts = List.copyOf(payouts);
    }
}
