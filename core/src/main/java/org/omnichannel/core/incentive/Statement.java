package org.omnichannel.core.incentive;

import java.util.List;
import java.util.Map;

/**
 * What one employee sees for one period: every entry with its source event, and the totals per
 * unit. {@code closed} says whether the totals are the frozen payout.
 *
 * @param totals sum per unit (POINTS, CNY...), reversals included
 */
public record Statement(String employeeId, String periodId, boolean closed, List<LedgerEntry> entries,
                        Map<String, Long> totals) {

    public Statement {
        entries = List.copyOf(entries);
        totals = Map.copyOf(totals);
    }

    /** The total in one unit, 0 when there is none. */
    public long total(String unit) {
        return totals.getOrDefault(unit, 0L);
    }
}
