package org.omnichannel.ofbiz.incentive;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.incentive.ActivityKind;
import org.omnichannel.core.incentive.ActivityRule;
import org.omnichannel.core.incentive.Amount;
import org.omnichannel.core.incentive.AttributionModel;
import org.omnichannel.core.incentive.CommissionRule;
import org.omnichannel.core.incentive.IncentivePlan;
import org.omnichannel.core.incentive.ReferralRule;

/**
 * An OmniIncentivePlan and its OmniIncentiveRule rows to core's {@link IncentivePlan}. A plan
 * rewards work on every kind of channel while it is valid; each rule's contribution says what it
 * is: SALE and REFERRAL_SALE a percentage of the order (core's sale and referral commissions; a
 * referral counts REFERRAL interactions of the last {@link #REFERRAL_WINDOW}, last touch wins),
 * the others a fixed amount in the plan's currency for that activity. Pure: no OFBiz class.
 */
public final class PlanRows {

    /** How long after a referral an order on another channel still credits the referrer. */
    public static final Duration REFERRAL_WINDOW = Duration.ofDays(30);

    /** Core's rule id of a sale commission and of a referral commission. */
    public static final String SALE = "sale";
    public static final String REFERRAL = "referral";

    private static final Map<String, ActivityKind> ACTIVITIES = Map.of(
            "OMNI_CON_CONTACT", ActivityKind.CONTACT_COLLECTED,
            "OMNI_CON_COMPLAINT", ActivityKind.COMPLAINT,
            "OMNI_CON_SERVICE", ActivityKind.SERVICE_CALL,
            "OMNI_CON_TRY_ON", ActivityKind.TRY_ON);

    private PlanRows() {
    }

    /** One OmniIncentiveRule row. */
    public record Rule(String ruleSeqId, String contributionEnumId, BigDecimal fixedAmount, BigDecimal percentOfOrder) {
    }

    /** The OMNI_CONTRIBUTION ids core's activities are rewarded under. */
    public static Map<String, ActivityKind> activities() {
        return ACTIVITIES;
    }

    /** Core's plan; a rule that does not fit its contribution is refused, naming plan and rule. */
    public static IncentivePlan plan(String planId, String name, String currency, Instant from, Instant thru, List<Rule> rules) {
        List<ActivityRule> activities = new ArrayList<>();
        CommissionRule sale = null;
        ReferralRule referral = null;
        for (Rule rule : rules) {
            String where = "incentive plan " + planId + " rule " + rule.ruleSeqId() + " (" + rule.contributionEnumId() + ")";
            switch (rule.contributionEnumId()) {
                case "OMNI_CON_SALE" -> sale = percent(rule, where);
                case "OMNI_CON_REFERRAL" -> referral = ReferralRule.of(REFERRAL_WINDOW, AttributionModel.LAST_TOUCH, percent(rule, where));
                default -> {
                    ActivityKind activity = ACTIVITIES.get(rule.contributionEnumId());
                    if (activity == null) {
                        throw new IllegalArgumentException(where + ": no such contribution");
                    }
                    if (rule.fixedAmount() == null || rule.fixedAmount().signum() <= 0) {
                        throw new IllegalArgumentException(where + ": needs a positive fixedAmount");
                    }
                    if (currency == null) {
                        throw new IllegalArgumentException("incentive plan " + planId + " needs a currencyUomId for its fixed amounts");
                    }
                    activities.add(ActivityRule.of(rule.ruleSeqId(), activity, Amount.of(Money.of(rule.fixedAmount(), currency))));
                }
            }
        }
        return new IncentivePlan(planId, name, EnumSet.allOf(ChannelKind.class), from == null ? Instant.EPOCH : from, thru,
                activities, sale, referral);
    }

    /** The ruleSeqId that booked an entry of core's rule id. */
    public static String ruleSeqId(String coreRuleId, List<Rule> rules) {
        String contribution = SALE.equals(coreRuleId) ? "OMNI_CON_SALE" : REFERRAL.equals(coreRuleId) ? "OMNI_CON_REFERRAL" : null;
        for (Rule rule : rules) {
            if (contribution == null ? rule.ruleSeqId().equals(coreRuleId) : rule.contributionEnumId().equals(contribution)) {
                return rule.ruleSeqId();
            }
        }
        return null;
    }

    private static CommissionRule percent(Rule rule, String where) {
        if (rule.percentOfOrder() == null || rule.percentOfOrder().signum() <= 0) {
            throw new IllegalArgumentException(where + ": needs a positive percentOfOrder");
        }
        BigDecimal basisPoints = rule.percentOfOrder().multiply(BigDecimal.valueOf(100));
        if (basisPoints.stripTrailingZeros().scale() > 0 || basisPoints.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new IllegalArgumentException(where + ": percentOfOrder must be at most 100 with at most two decimals, was "
                    + rule.percentOfOrder().toPlainString());
        }
        return CommissionRule.percent(basisPoints.intValueExact());
    }
}
