package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;

/**
 * Turns a credit decision into a ledger entry: looks the employee up in the directory and picks
 * the period. An entry belongs to the period of its source event, unless that period is closed,
 * then to the first open period after it (a late refund of October's sale lands in November).
 */
final class Booking {

    private final EmployeeDirectory directory;
    private final PeriodCalendar calendar;
    private final CreditLedger ledger;
    private IncentivePeriod lastPeriod;

    Booking(EmployeeDirectory directory, PeriodCalendar calendar, CreditLedger ledger) {
        this.directory = PlanChecks.required(directory, "employee directory");
        this.calendar = PlanChecks.required(calendar, "period calendar");
        this.ledger = PlanChecks.required(ledger, "credit ledger");
    }

    String periodFor(Instant at) {
        IncentivePeriod last = lastPeriod;
        IncentivePeriod period = last != null && last.contains(at) ? last : calendar.periodOf(at);
        lastPeriod = period; // most events fall in the current period: spare the calendar arithmetic
        while (ledger.closeOf(period.periodId()).isPresent()) {
            period = calendar.next(period);
        }
        return period.periodId();
    }

    /** What is asked of a credit; the booking adds the period, the department and the franchisee. */
    record Credit(String sourceEventId, Instant occurredAt, String employeeId, String channelId,
                  ChannelKind channelKind, String facilityId, CreditKind kind, String ruleId, Amount amount, String planId,
                  String fanId, String orderRef) {
    }

    LedgerEntry entry(Credit c, String periodId) {
        EmployeeAssignment who = directory.assignmentOf(c.employeeId())
                .orElseGet(() -> EmployeeAssignment.unassigned(c.employeeId()));
        String entryId = c.sourceEventId() + "/" + c.planId() + "/" + c.ruleId() + "/" + c.employeeId();
        return new LedgerEntry(entryId, periodId, c.employeeId(), who.departmentId(), who.franchiseeId(),
                c.channelId(), c.channelKind(), c.facilityId(), c.kind(), c.ruleId(), c.amount(), c.sourceEventId(), c.occurredAt(),
                c.planId(), c.fanId(), c.orderRef(), null);
    }
}
