package org.omnichannel.core.incentive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The credit ledger in memory, indexed by period and by employee within a period. Thread-safe. */
public final class InMemoryCreditLedger implements CreditLedger {

    private final Map<String, List<LedgerEntry>> byPeriod = new HashMap<>();
    private final Map<String, Map<String, List<LedgerEntry>>> byPeriodAndEmployee = new HashMap<>();
    private final Set<String> entryIds = new HashSet<>();
    private final Map<String, PeriodClose> closes = new HashMap<>();

    @Override
    public synchronized void append(List<LedgerEntry> entries) {
        Set<String> batchIds = new HashSet<>();
        for (LedgerEntry entry : entries) {
            if (entryIds.contains(entry.entryId()) || !batchIds.add(entry.entryId())) {
                throw new IllegalStateException("ledger entry " + entry.entryId() + " is already booked: entries are never rewritten");
            }
            if (closes.containsKey(entry.periodId())) {
                throw new IllegalStateException("period " + entry.periodId() + " is closed: entry " + entry.entryId()
                        + " must be booked into the next open period");
            }
        }
        for (LedgerEntry entry : entries) {
            entryIds.add(entry.entryId());
            byPeriod.computeIfAbsent(entry.periodId(), p -> new ArrayList<>()).add(entry);
            byPeriodAndEmployee.computeIfAbsent(entry.periodId(), p -> new HashMap<>())
                    .computeIfAbsent(entry.employeeId(), e -> new ArrayList<>()).add(entry);
        }
    }

    @Override
    public synchronized List<LedgerEntry> entriesIn(String periodId) {
        return Collections.unmodifiableList(new ArrayList<>(byPeriod.getOrDefault(periodId, List.of())));
    }

    @Override
    public synchronized List<LedgerEntry> entriesOf(String employeeId, String periodId) {
        return List.copyOf(byPeriodAndEmployee.getOrDefault(periodId, Map.of()).getOrDefault(employeeId, List.of()));
    }

    @Override
    public synchronized void close(PeriodClose close) {
        if (closes.putIfAbsent(close.periodId(), close) != null) {
            throw new IllegalStateException("period " + close.periodId() + " is closed already");
        }
    }

    @Override
    public synchronized Optional<PeriodClose> closeOf(String periodId) {
        return Optional.ofNullable(closes.get(periodId));
    }

    /** How many entries the ledger holds. */
    public synchronized int size() {
        return entryIds.size();
    }
}
