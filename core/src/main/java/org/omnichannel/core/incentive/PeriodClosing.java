package org.omnichannel.core.incentive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Period close (payouts frozen in the ledger) and per-employee statements. */
final class PeriodClosing {

    private static final class Running {
        long total;
        int count;
        LedgerEntry latest;
    }

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
        // one running total per employee and unit; the payouts are built once at the end
        Map<String, Map<String, Running>> running = new HashMap<>();
        for (LedgerEntry entry : ledger.entriesIn(periodId)) {
            Running r = running.computeIfAbsent(entry.employeeId(), e -> new HashMap<>(4))
                    .computeIfAbsent(entry.amount().unit(), u -> new Running());
            r.total = Math.addExact(r.total, entry.amount().value());
            r.count++;
            r.latest = entry;
        }
        List<Payout> all = new ArrayList<>();
        for (Map<String, Running> units : running.values()) {
            units.forEach((unit, r) -> all.add(new Payout(r.latest.employeeId(), r.latest.departmentId(),
                    r.latest.franchiseeId(), new Amount(r.total, unit), r.count)));
        }
        all.sort(Comparator.comparing(Payout::employeeId).thenComparing(p -> p.total().unit()));
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
