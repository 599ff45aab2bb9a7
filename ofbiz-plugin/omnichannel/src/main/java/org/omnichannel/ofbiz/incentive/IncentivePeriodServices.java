package org.omnichannel.ofbiz.incentive;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.incentive.IncentivePeriod;
import org.omnichannel.core.incentive.PeriodClose;
import org.omnichannel.core.incentive.Statement;

/**
 * closeIncentivePeriod and getIncentiveStatement: core's period close and statements. A plugin
 * period is one plan's calendar month (core's period); closing it freezes that month's ledger for
 * every plan, with the payouts ranked under the period closed. Core refuses a period that has not
 * ended yet, and one closed before.
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
            IncentiveCrediting crediting = new IncentiveCrediting(delegator);
            String month = month(crediting, period);
            DelegatorCreditLedger ledger = crediting.ledger().closingAs(periodId,
                    userLogin == null ? null : userLogin.getString("userLoginId"));
            PeriodClose close = crediting.engine(ledger).closePeriod(month, UtilDateTime.nowTimestamp().toInstant());
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("payouts", EntityQuery.use(delegator).from("OmniPayout").where("periodId", periodId).queryCount());
            result.put("periodMonth", close.periodId());
            return result;
        } catch (GenericEntityException | RuntimeException e) {
            Debug.logError(e, "closeIncentivePeriod failed for " + periodId, MODULE);
            return ServiceUtil.returnError("could not close incentive period " + periodId + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> getIncentiveStatement(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String periodId = (String) context.get("periodId");
        String employeeId = (String) context.get("employeePartyId");
        try {
            GenericValue period = EntityQuery.use(delegator).from("OmniIncentivePeriod").where("periodId", periodId).queryOne();
            if (period == null) {
                return ServiceUtil.returnError("incentive period " + periodId + " does not exist");
            }
            IncentiveCrediting crediting = new IncentiveCrediting(delegator);
            Statement statement = crediting.engine(crediting.ledger()).statement(employeeId, month(crediting, period));
            Map<String, Object> totals = new LinkedHashMap<>();
            statement.totals().forEach((unit, minor) -> totals.put(unit,
                    "POINTS".equals(unit) ? java.math.BigDecimal.valueOf(minor) : new Money(minor, unit).toDecimal()));
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("totals", totals);
            result.put("entryCount", (long) statement.entries().size());
            result.put("closed", statement.closed() ? "Y" : "N");
            return result;
        } catch (GenericEntityException | RuntimeException e) {
            Debug.logError(e, "getIncentiveStatement failed for " + employeeId + " in " + periodId, MODULE);
            return ServiceUtil.returnError("could not make the statement of " + employeeId + " for " + periodId + ": " + e.getMessage());
        }
    }

    /** Core's month of a plugin period; refused when the period is not exactly one calendar month. */
    static String month(IncentiveCrediting crediting, GenericValue period) {
        Timestamp from = period.getTimestamp("fromDate");
        Timestamp thru = period.getTimestamp("thruDate");
        if (from == null || thru == null) {
            throw new IllegalArgumentException("incentive period " + period.getString("periodId") + " needs fromDate and thruDate");
        }
        IncentivePeriod month = crediting.calendar().periodOf(from.toInstant());
        if (!month.start().equals(from.toInstant()) || !month.end().equals(thru.toInstant())) {
            throw new IllegalArgumentException("incentive period " + period.getString("periodId") + " runs from " + from + " to " + thru
                    + ": core's periods are calendar months (" + month.start() + " to " + month.end() + "), set it to one");
        }
        return month.periodId();
    }
}
