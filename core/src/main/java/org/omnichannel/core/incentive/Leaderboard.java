package org.omnichannel.core.incentive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Ranks employees, facilities, departments or franchisees by their net credit in one unit over a set of entries. */
public final class Leaderboard {

    /** What is ranked. */
    public enum Level {
        EMPLOYEE(LedgerEntry::employeeId),
        /** The store (or warehouse) where the work was done. */
        FACILITY(LedgerEntry::facilityId),
        DEPARTMENT(LedgerEntry::departmentId),
        FRANCHISEE(LedgerEntry::franchiseeId);

        private final Function<LedgerEntry, String> key;

        Level(Function<LedgerEntry, String> key) {
            this.key = key;
        }
    }

    private Leaderboard() {
    }

    /**
     * Net totals in {@code unit} per key, highest first, ties by key; entries without a key at that
     * level (staff with no department, the brand's own staff at franchisee level) are left out.
     */
    public static List<Standing> rank(List<LedgerEntry> entries, String unit, Level level, int limit) {
        PlanChecks.required(unit, "unit");
        PlanChecks.required(level, "level");
        if (limit <= 0) {
            throw new IllegalArgumentException("leaderboard limit must be positive, was " + limit);
        }
        Map<String, long[]> totals = new HashMap<>();
        for (LedgerEntry entry : entries) {
            String key = level.key.apply(entry);
            if (key != null && entry.amount().unit().equals(unit)) {
                totals.computeIfAbsent(key, k -> new long[1])[0] += entry.amount().value();
            }
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Standing> standings = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size() && i < limit; i++) {
            long total = sorted.get(i).getValue()[0];
            if (i == 0 || total != sorted.get(i - 1).getValue()[0]) {
                rank = i + 1;
            }
            standings.add(new Standing(rank, sorted.get(i).getKey(), new Amount(total, unit)));
        }
        return standings;
    }
}
