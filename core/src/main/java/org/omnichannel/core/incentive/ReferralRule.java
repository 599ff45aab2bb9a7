package org.omnichannel.core.incentive;

import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Cross-channel referral: an employee touches a fan (hands over a referral code or QR, or simply
 * identifies the fan in the store) and the same fan orders on another channel within
 * {@link #window()}; the commission on that order goes to the referrer(s) by {@link #model()}.
 *
 * @param window        how long after the touch an order still counts; the end is inclusive
 * @param model         first touch, last touch or split
 * @param touchSubtypes the interaction subtypes that count as a touch; usually just REFERRAL, add
 *                      VISIT or TRY_ON to credit employees who identified the fan in the store
 * @param commission    what the referred order earns
 */
public record ReferralRule(Duration window, AttributionModel model, Set<InteractionKind> touchSubtypes,
                           CommissionRule commission) {

    public ReferralRule {
        PlanChecks.required(window, "referral window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("referral window must be positive, was " + window);
        }
        PlanChecks.required(model, "referral attribution model");
        PlanChecks.required(touchSubtypes, "referral touch subtypes");
        if (touchSubtypes.isEmpty()) {
            throw new IllegalArgumentException("referral touch subtypes must name at least one, e.g. REFERRAL");
        }
        touchSubtypes = Set.copyOf(EnumSet.copyOf(touchSubtypes));
        PlanChecks.required(commission, "referral commission");
    }

    /** Referral by REFERRAL interactions only. */
    public static ReferralRule of(Duration window, AttributionModel model, CommissionRule commission) {
        return new ReferralRule(window, model, Set.of(InteractionKind.REFERRAL), commission);
    }
}
