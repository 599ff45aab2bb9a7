package org.omnichannel.ofbiz.incentive;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.incentive.Amount;
import org.omnichannel.core.incentive.CreditLedger;
import org.omnichannel.core.incentive.IncentivePeriod;
import org.omnichannel.core.incentive.LedgerEntry;
import org.omnichannel.core.incentive.Leaderboard;
import org.omnichannel.core.incentive.Payout;
import org.omnichannel.core.incentive.PeriodCalendar;
import org.omnichannel.core.incentive.PeriodClose;
import org.omnichannel.core.incentive.Standing;
import org.omnichannel.ofbiz.fan.OmniEnums;

/**
 * Core's {@link CreditLedger} on OmniCreditEntry, OmniIncentivePeriod and OmniPayout, in the
 * caller's transaction. Core's periods are calendar months ({@code 2026-11}); an
 * OmniIncentivePeriod row of a plan that spans exactly one month is that month for the plan, and an
 * entry booked into a month is filed under the plan's row for it when there is one. Closing a month
 * closes every open row of it and writes the payouts, ranked by core's leaderboard, under the row
 * being closed ({@link #closingAs}).
 */
public final class DelegatorCreditLedger implements CreditLedger {

    private final Delegator delegator;
    private final PeriodCalendar calendar;
    private final Map<String, List<PlanRows.Rule>> rules;
    private final Map<String, ChannelKind> kinds = new HashMap<>();
    private String closingPeriodId;
    private String closedBy;

    /**
     * @param rules each plan's rule rows, to file an entry under the rule that booked it
     */
    public DelegatorCreditLedger(Delegator delegator, PeriodCalendar calendar, Map<String, List<PlanRows.Rule>> rules) {
        this.delegator = delegator;
        this.calendar = calendar;
        this.rules = Map.copyOf(rules);
    }

    /** The OmniIncentivePeriod row a close is asked for (it gets the payouts), and by whom. */
    public DelegatorCreditLedger closingAs(String periodId, String userLoginId) {
        this.closingPeriodId = periodId;
        this.closedBy = userLoginId;
        return this;
    }

    @Override
    public void append(List<LedgerEntry> entries) {
        try {
            for (LedgerEntry e : entries) {
                if (byLedgerId(e.entryId()) != null) {
                    throw new IllegalStateException("ledger entry " + e.entryId() + " is booked already");
                }
                if (closeOf(e.periodId()).isPresent()) {
                    throw new IllegalStateException("ledger entry " + e.entryId() + " is for period " + e.periodId()
                            + ", which is closed");
                }
            }
            for (LedgerEntry e : entries) {
                List<PlanRows.Rule> planRules = rules.getOrDefault(e.planId(), List.of());
                String ruleSeqId = PlanRows.ruleSeqId(e.ruleId(), planRules);
                String contribution = planRules.stream().filter(r -> r.ruleSeqId().equals(ruleSeqId))
                        .map(PlanRows.Rule::contributionEnumId).findFirst().orElse(null);
                GenericValue reversed = e.reversesEntryId() == null ? null : byLedgerId(e.reversesEntryId());
                GenericValue row = delegator.makeValue("OmniCreditEntry", LedgerRows.fields(e,
                        delegator.getNextSeqId("OmniCreditEntry"), ruleSeqId, contribution,
                        reversed == null ? null : reversed.getString("creditEntryId")));
                GenericValue period = periodRow(e.planId(), e.periodId());
                row.set("periodId", period == null ? null : period.getString("periodId"));
                delegator.create(row);
            }
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not book credit: " + e.getMessage(), e);
        }
    }

    @Override
    public List<LedgerEntry> entriesIn(String periodId) {
        return entries(EntityQuery.use(delegator).from("OmniCreditEntry").where("periodMonth", periodId));
    }

    @Override
    public List<LedgerEntry> entriesOf(String employeeId, String periodId) {
        return entries(EntityQuery.use(delegator).from("OmniCreditEntry").where("periodMonth", periodId,
                "employeePartyId", employeeId));
    }

    private List<LedgerEntry> entries(EntityQuery query) {
        try {
            List<LedgerEntry> out = new ArrayList<>();
            for (GenericValue row : query.orderBy("entryDate", "creditEntryId").queryList()) {
                out.add(LedgerRows.entry(row::get, kindOf(row.getString("channelId")), this::ledgerIdOf));
            }
            return out;
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the credit ledger: " + e.getMessage(), e);
        }
    }

    @Override
    public void close(PeriodClose close) {
        if (closeOf(close.periodId()).isPresent()) {
            throw new IllegalStateException("period " + close.periodId() + " is closed already");
        }
        try {
            IncentivePeriod month = calendar.period(close.periodId());
            List<GenericValue> rows = monthRows(month);
            if (closingPeriodId == null || rows.stream().noneMatch(r -> closingPeriodId.equals(r.getString("periodId")))) {
                throw new IllegalStateException("no incentive period row of " + close.periodId() + " to close"
                        + (closingPeriodId == null ? "" : " as " + closingPeriodId));
            }
            for (GenericValue row : rows) {
                row.set("statusId", IncentivePeriodServices.CLOSED);
                row.set("closedDate", Timestamp.from(close.closedAt()));
                row.set("closedByUserLogin", closedBy);
                row.store();
            }
            GenericValue target = rows.stream().filter(r -> closingPeriodId.equals(r.getString("periodId"))).findFirst().orElseThrow();
            String currency = plan(target.getString("planId"));
            List<LedgerEntry> entries = entriesIn(close.periodId());
            Map<String, Integer> rank = new HashMap<>();
            for (Standing s : Leaderboard.rank(entries, currency, Leaderboard.Level.EMPLOYEE, Integer.MAX_VALUE)) {
                rank.put(s.key(), s.rank());
            }
            for (Payout payout : close.payouts()) {
                if (!payout.total().unit().equals(currency)) {
                    continue;
                }
                GenericValue row = delegator.makeValue("OmniPayout");
                row.set("periodId", closingPeriodId);
                row.set("employeePartyId", payout.employeeId());
                row.set("amount", LedgerRows.decimal(payout.total()));
                row.set("currencyUomId", currency);
                row.set("entryCount", (long) payout.entryCount());
                row.set("rankInPeriod", rank.containsKey(payout.employeeId()) ? (long) rank.get(payout.employeeId()) : null);
                delegator.create(row);
            }
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not close period " + close.periodId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PeriodClose> closeOf(String periodId) {
        try {
            for (GenericValue row : monthRows(calendar.period(periodId))) {
                if (IncentivePeriodServices.CLOSED.equals(row.getString("statusId"))) {
                    List<Payout> payouts = new ArrayList<>();
                    for (GenericValue p : EntityQuery.use(delegator).from("OmniPayout").where("periodId", row.getString("periodId"))
                            .orderBy("employeePartyId").queryList()) {
                        BigDecimal amount = p.getBigDecimal("amount");
                        String unit = p.getString("currencyUomId");
                        Amount total = unit == null ? Amount.points(amount.longValueExact())
                                : Amount.of(org.omnichannel.core.event.Money.of(amount, unit));
                        Long count = p.getLong("entryCount");
                        payouts.add(new Payout(p.getString("employeePartyId"), null, null, total, count == null ? 0 : count.intValue()));
                    }
                    Timestamp at = row.getTimestamp("closedDate");
                    return Optional.of(new PeriodClose(periodId, at == null ? UtilDateTime.nowTimestamp().toInstant() : at.toInstant(),
                            payouts));
                }
            }
            return Optional.empty();
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read period " + periodId + ": " + e.getMessage(), e);
        }
    }

    /** The OmniIncentivePeriod rows that span exactly this month. */
    private List<GenericValue> monthRows(IncentivePeriod month) throws GenericEntityException {
        return EntityQuery.use(delegator).from("OmniIncentivePeriod").where("fromDate", Timestamp.from(month.start()),
                "thruDate", Timestamp.from(month.end())).orderBy("periodId").queryList();
    }

    private GenericValue periodRow(String planId, String periodId) throws GenericEntityException {
        for (GenericValue row : monthRows(calendar.period(periodId))) {
            if (planId.equals(row.getString("planId"))) {
                return row;
            }
        }
        return null;
    }

    private String plan(String planId) throws GenericEntityException {
        GenericValue plan = EntityQuery.use(delegator).from("OmniIncentivePlan").where("planId", planId).queryOne();
        return plan == null || plan.getString("currencyUomId") == null ? Amount.POINTS : plan.getString("currencyUomId");
    }

    private GenericValue byLedgerId(String ledgerEntryId) throws GenericEntityException {
        GenericValue row = EntityQuery.use(delegator).from("OmniCreditEntry").where("ledgerEntryId", ledgerEntryId).queryFirst();
        return row != null ? row : EntityQuery.use(delegator).from("OmniCreditEntry").where("creditEntryId", ledgerEntryId).queryOne();
    }

    private String ledgerIdOf(String creditEntryId) {
        try {
            GenericValue row = EntityQuery.use(delegator).from("OmniCreditEntry").where("creditEntryId", creditEntryId).queryOne();
            return row == null || row.getString("ledgerEntryId") == null ? creditEntryId : row.getString("ledgerEntryId");
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read credit entry " + creditEntryId + ": " + e.getMessage(), e);
        }
    }

    private ChannelKind kindOf(String channelId) {
        if (channelId == null) {
            return ChannelKind.OFFLINE_DIRECT;
        }
        return kinds.computeIfAbsent(channelId, id -> {
            try {
                GenericValue channel = EntityQuery.use(delegator).from("OmniChannel").where("channelId", id).queryOne();
                return channel == null ? ChannelKind.OFFLINE_DIRECT : OmniEnums.channelKindOf(channel.getString("channelKindEnumId"));
            } catch (GenericEntityException e) {
                throw new IllegalStateException("could not read channel " + id + ": " + e.getMessage(), e);
            }
        });
    }
}
