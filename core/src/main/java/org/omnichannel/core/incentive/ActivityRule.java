package org.omnichannel.core.incentive;

import java.util.Map;

/**
 * A fixed reward for one kind of activity: "10 points for collecting a non-buyer's contact
 * details", "5 CNY for a resolved service call".
 *
 * @param ruleId         unique within its plan; named in every entry it books
 * @param activity       what is rewarded
 * @param whenAttributes attributes the interaction must carry with exactly these values (e.g.
 *                       {@code outcome=resolved}); empty for none
 * @param reward         points or money, positive
 */
public record ActivityRule(String ruleId, ActivityKind activity, Map<String, String> whenAttributes, Amount reward) {

    public ActivityRule {
        ruleId = PlanChecks.id(ruleId, "activity rule id");
        PlanChecks.required(activity, "activity rule " + ruleId + ": activity");
        whenAttributes = whenAttributes == null ? Map.of() : Map.copyOf(whenAttributes);
        PlanChecks.required(reward, "activity rule " + ruleId + ": reward");
        if (reward.value() <= 0) {
            throw new IllegalArgumentException("activity rule " + ruleId + ": reward must be positive, was " + reward);
        }
    }

    public static ActivityRule of(String ruleId, ActivityKind activity, Amount reward) {
        return new ActivityRule(ruleId, activity, Map.of(), reward);
    }

    /** True when the interaction's attributes satisfy {@link #whenAttributes()}. */
    boolean matches(Map<String, String> attributes) {
        for (Map.Entry<String, String> required : whenAttributes.entrySet()) {
            if (!required.getValue().equals(attributes.get(required.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
