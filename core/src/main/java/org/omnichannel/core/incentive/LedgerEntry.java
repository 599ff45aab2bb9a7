package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;

/**
 * One line of the append-only credit ledger. Entries are never edited: a refund or a cancellation
 * books new entries that name the entry they reverse ({@link #reversesEntryId()}) and the event
 * that caused them ({@link #sourceEventId()}).
 *
 * @param entryId         deterministic: source event, plan, rule and employee; unique in the ledger
 * @param periodId        the period the entry counts in (see {@link PeriodCalendar})
 * @param employeeId      who is credited
 * @param departmentId    the employee's department when booked, or null
 * @param franchiseeId    the employee's franchisee when booked, or null for the brand's own staff
 * @param channelId       the channel where the employee did the work (for a referral: where the fan was touched)
 * @param channelKind     that channel's kind (decides which plans apply)
 * @param facilityId      the store or warehouse where the work was done, when known
 * @param kind            activity, sale commission or referral commission
 * @param ruleId          the plan's rule: an activity rule id, "sale" or "referral"
 * @param amount          points or money; negative for reversals
 * @param sourceEventId   the event that caused this entry
 * @param occurredAt      when the source event happened
 * @param planId          the plan that granted it
 * @param fanId           the fan the work was for, or null when anonymous
 * @param orderRef        "channelId/orderId" for commissions and their reversals, else null
 * @param reversesEntryId the entry this one (partly) reverses, or null
 */
public record LedgerEntry(String entryId, String periodId, String employeeId, String departmentId,
                          String franchiseeId, String channelId, ChannelKind channelKind, String facilityId, CreditKind kind,
                          String ruleId, Amount amount, String sourceEventId, Instant occurredAt, String planId,
                          String fanId, String orderRef, String reversesEntryId) {

    public LedgerEntry {
        PlanChecks.required(entryId, "entryId");
        PlanChecks.required(periodId, "periodId");
        PlanChecks.required(employeeId, "employeeId");
        PlanChecks.required(channelKind, "channelKind");
        PlanChecks.required(kind, "kind");
        PlanChecks.required(amount, "amount");
        PlanChecks.required(sourceEventId, "sourceEventId");
        PlanChecks.required(occurredAt, "occurredAt");
        PlanChecks.required(planId, "planId");
    }

    public boolean isReversal() {
        return reversesEntryId != null;
    }

    /** A new entry that reverses {@code part} of this one, caused by another event in another period. */
    LedgerEntry reversal(long part, String sourceEventId, Instant occurredAt, String periodId) {
        return new LedgerEntry(sourceEventId + "/reverses/" + entryId, periodId, employeeId, departmentId,
                franchiseeId, channelId, channelKind, facilityId, kind, ruleId, amount.withValue(-part), sourceEventId,
                occurredAt, planId, fanId, orderRef, entryId);
    }
}
