package org.omnichannel.ofbiz.incentive;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;

/**
 * The service {@code closeIncentivePeriod}: the plan's ledger entries dated in the period and not
 * yet in a period are assigned to it, one OmniPayout per employee is written with its rank (the
 * period's statement), and the period is set closed; a closed period is never closed again.
 */
public final class IncentivePeriodServices {

    private static final String MODULE = IncentivePeriodServices.class.getName();
    static final String OPEN = "OMNI_PERIOD_OPEN";
    static final String CLOSED = "OMNI_PERIOD_CLOSED";

    private IncentivePeriodServices() {
    }

    public static Map<String, Object> closeIncentivePeriod(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String periodId = (String) context.get("periodId");
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        try {
            GenericValue period = EntityQuery.use(delegator).from("OmniIncentivePeriod").where("periodId", periodId).queryOne();
            if (period == null) {
                return ServiceUtil.returnError("incentive period " + periodId + " does not exist");
            }
            if (!OPEN.equals(period.getString("statusId"))) {
                return ServiceUtil.returnError("incentive period " + periodId + " is " + period.getString("statusId")
                        + ", not open: a period is closed once");
            }
            GenericValue plan = EntityQuery.use(delegator).from("OmniIncentivePlan")
                    .where("planId", period.getString("planId")).queryOne();
            Timestamp from = period.getTimestamp("fromDate");
            Timestamp thru = period.getTimestamp("thruDate");
            List<PayoutRanking.Credit> credits = new ArrayList<>();
            for (GenericValue entry : EntityQuery.use(delegator).from("OmniCreditEntry")
                    .where("planId", period.getString("planId")).queryList()) {
                Timestamp date = entry.getTimestamp("entryDate");
                boolean inPeriod = date != null && !date.before(from) && date.before(thru);
                String assigned = entry.getString("periodId");
                if (assigned == null && inPeriod) {
                    entry.set("periodId", periodId);
                    entry.store();
                    assigned = periodId;
                }
                if (periodId.equals(assigned)) {
                    credits.add(new PayoutRanking.Credit(entry.getString("employeePartyId"), entry.getBigDecimal("amount")));
                }
            }
            String currency = plan == null ? null : plan.getString("currencyUomId");
            List<PayoutRanking.Payout> payouts = PayoutRanking.rank(credits);
            for (PayoutRanking.Payout payout : payouts) {
                GenericValue row = delegator.makeValue("OmniPayout");
                row.set("periodId", periodId);
                row.set("employeePartyId", payout.employeePartyId());
                row.set("amount", payout.amount().max(BigDecimal.ZERO));
                row.set("currencyUomId", currency);
                row.set("entryCount", payout.entryCount());
                row.set("rankInPeriod", payout.rank());
                delegator.create(row);
            }
            period.set("statusId", CLOSED);
            period.set("closedDate", UtilDateTime.nowTimestamp());
            period.set("closedByUserLogin", userLogin == null ? null : userLogin.getString("userLoginId"));
            period.store();
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("payouts", (long) payouts.size());
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "closeIncentivePeriod failed for " + periodId, MODULE);
            return ServiceUtil.returnError("could not close incentive period " + periodId + ": " + e.getMessage());
        }
    }
}
