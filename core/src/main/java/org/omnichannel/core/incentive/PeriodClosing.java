package org.omnichannel.core.incentive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Period close (payouts frozen in the ledger) and per-employee statements. */
final class PeriodClosing {

    private final PeriodCalendar calendar;
    private final CreditLedger ledger;

    PeriodClosing(PeriodCalendar calendar, CreditLedger ledger) {
        this.calendar = calendar;
        this.ledger = ledger;
    }

    PeriodClose close(String periodId, Instant now) {
        IncentivePeriod period = calendar.period(periodId);
        PlanChecks.required(now, "now");
        if (now.isBefore(period.end())) {
            throw new IllegalStateException("period " + periodId + " cannot be closed before it ends at " + period.end());
        }
        if (ledger.closeOf(periodId).isPresent()) {
            throw new IllegalStateException("period " + periodId + " is closed already");
        }
        // employee -> unit -> running payout; TreeMaps give a stable order
        Map<String, Map<String, Payout>> payouts = new TreeMap<>();
        for (LedgerEntry entry : ledger.entriesIn(periodId)) {
            Map<String, Payout> units = payouts.computeIfAbsent(entry.employeeId(), e -> new TreeMap<>());
            Payout before = units.get(entry.amount().unit());
            Amount total = before == null ? entry.amount() : before.total().plus(entry.amount());
            units.put(entry.amount().unit(), new Payout(entry.employeeId(), entry.departmentId(), entry.franchiseeId(),
                    total, before == null ? 1 : before.entryCount() + 1));
        }
        List<Payout> all = new ArrayList<>();
        payouts.values().forEach(units -> all.addAll(units.values()));
        PeriodClose close = new PeriodClose(periodId, now, all);
        ledger.close(close);
        return close;
    }

    Statement statement(String employeeId, String periodId) {
        PlanChecks.required(employeeId, "employeeId");
        calendar.period(periodId); // validates the id
        List<LedgerEntry> entries = new ArrayList<>(ledger.entriesOf(employeeId, periodId));
        entries.sort(Comparator.comparing(LedgerEntry::occurredAt));
        Map<String, Long> totals = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            totals.merge(entry.amount().unit(), entry.amount().value(), Math::addExact);
        }
        return new Statement(employeeId, periodId, ledger.closeOf(periodId).isPresent(), entries, totals);
    }
}
