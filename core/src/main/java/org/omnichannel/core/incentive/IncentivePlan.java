package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An incentive plan, as data. A plan applies to the employees working on channels of the kinds it
 * names (so direct and franchise stores can have different rules) while it is valid, and every
 * plan that applies books its own entries.
 *
 * @param planId         unique; named in every entry the plan books
 * @param name           for people
 * @param channelKinds   the kinds of channel whose employees the plan rewards (for a referral: the
 *                       channel where the referrer touched the fan)
 * @param validFrom      first instant the plan applies, inclusive
 * @param validUntil     the instant it stops applying, exclusive; null for open-ended
 * @param activities     fixed rewards for activities; may be empty
 * @param saleCommission commission for the employee who served a sale on his own channel, or null
 * @param referral       commission for cross-channel referrals, or null
 */
public record IncentivePlan(String planId, String name, Set<ChannelKind> channelKinds, Instant validFrom,
                            Instant validUntil, List<ActivityRule> activities, CommissionRule saleCommission,
                            ReferralRule referral) {

    public IncentivePlan {
        planId = PlanChecks.id(planId, "plan id");
        name = name == null || name.isBlank() ? planId : name;
        PlanChecks.required(channelKinds, "plan " + planId + ": channelKinds");
        if (channelKinds.isEmpty()) {
            throw new IllegalArgumentException("plan " + planId + ": channelKinds must name at least one kind");
        }
        channelKinds = Set.copyOf(EnumSet.copyOf(channelKinds));
        PlanChecks.required(validFrom, "plan " + planId + ": validFrom");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("plan " + planId + ": validUntil " + validUntil
                    + " must be after validFrom " + validFrom);
        }
        activities = activities == null ? List.of() : List.copyOf(activities);
        Set<String> ruleIds = new HashSet<>();
        for (ActivityRule rule : activities) {
            if (!ruleIds.add(rule.ruleId())) {
                throw new IllegalArgumentException("plan " + planId + ": activity rule id '" + rule.ruleId()
                        + "' is used twice");
            }
        }
    }

    /** True when the plan rewards work on a channel of this kind at this instant. */
    public boolean appliesTo(ChannelKind kind, Instant at) {
        return channelKinds.contains(kind) && !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }
}
