package org.omnichannel.ofbiz.incentive;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.incentive.AttributedEvent;
import org.omnichannel.core.incentive.IncentiveEngine;
import org.omnichannel.core.incentive.IncentivePlan;
import org.omnichannel.core.incentive.LedgerEntry;
import org.omnichannel.core.incentive.PeriodCalendar;

/**
 * Core's incentive engine over the plugin's plans and the Delegator-backed ports
 * ({@link DelegatorCreditLedger}, {@link DelegatorAttributionStore}, {@link DelegatorEmployeeDirectory}),
 * built per call in the caller's transaction. Periods are calendar months in the server's time zone
 * (OFBiz reads the period rows' dates in it too).
 */
public final class IncentiveCrediting {

    private static final String MODULE = IncentiveCrediting.class.getName();

    private final Delegator delegator;
    private final PeriodCalendar calendar = PeriodCalendar.monthly(ZoneId.systemDefault());
    private final DelegatorEmployeeDirectory directory;
    private final List<IncentivePlan> plans = new ArrayList<>();
    private final DelegatorCreditLedger ledger;

    public IncentiveCrediting(Delegator delegator) throws GenericEntityException {
        this.delegator = delegator;
        this.directory = new DelegatorEmployeeDirectory(delegator);
        Map<String, List<PlanRows.Rule>> rules = new LinkedHashMap<>();
        for (GenericValue plan : EntityQuery.use(delegator).from("OmniIncentivePlan").orderBy("planId").queryList()) {
            List<PlanRows.Rule> planRules = new ArrayList<>();
            for (GenericValue rule : EntityQuery.use(delegator).from("OmniIncentiveRule").where("planId", plan.getString("planId"))
                    .orderBy("ruleSeqId").queryList()) {
                planRules.add(new PlanRows.Rule(rule.getString("ruleSeqId"), rule.getString("contributionEnumId"),
                        rule.getBigDecimal("fixedAmount"), rule.getBigDecimal("percentOfOrder")));
            }
            rules.put(plan.getString("planId"), planRules);
            plans.add(PlanRows.plan(plan.getString("planId"), plan.getString("planName"), plan.getString("currencyUomId"),
                    instant(plan.getTimestamp("fromDate")), instant(plan.getTimestamp("thruDate")), planRules));
        }
        this.ledger = new DelegatorCreditLedger(delegator, calendar, rules);
    }

    /**
     * Credits an event for its fan: activities, first contact collection, sale and referral
     * commissions, reversals of refunds and cancellations, as core decides. An employee OFBiz does
     * not know as a Party with role EMPLOYEE is not credited (the event counts as served by nobody).
     */
    public List<LedgerEntry> credit(ChannelEvent event, String fanPartyId) {
        if (plans.isEmpty()) {
            return List.of();
        }
        ChannelEvent credited = event;
        if (event.employee() != null && !directory.isEmployee(event.employee().id())) {
            Debug.logInfo("event " + event.eventId() + " names employee '" + event.employee().id()
                    + "', who is no OFBiz employee: nobody is credited for it", MODULE);
            credited = new ChannelEvent(event.eventId(), event.channelId(), event.channelKind(), event.system(), event.type(),
                    event.occurredAt(), event.receivedAt(), event.identities(), event.person(), null, event.facility(),
                    event.payload(), event.raw(), event.schemaVersion());
        }
        return engine(ledger).record(new AttributedEvent(fanPartyId, credited));
    }

    /** The engine over this ledger (for a period close: the ledger told which row is closed). */
    IncentiveEngine engine(DelegatorCreditLedger over) {
        return new IncentiveEngine(plans, directory, calendar, over, new DelegatorAttributionStore(delegator));
    }

    DelegatorCreditLedger ledger() {
        return ledger;
    }

    PeriodCalendar calendar() {
        return calendar;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
