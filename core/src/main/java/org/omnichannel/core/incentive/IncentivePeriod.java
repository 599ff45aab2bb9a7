package org.omnichannel.core.incentive;

import java.time.Instant;

/**
 * One payout period: [start, end).
 *
 * @param periodId e.g. "2026-11" for a monthly calendar
 */
public record IncentivePeriod(String periodId, Instant start, Instant end) {

    public IncentivePeriod {
        PlanChecks.required(periodId, "periodId");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period " + periodId + " must end after it starts");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
