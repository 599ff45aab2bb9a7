package org.omnichannel.core.fan.insight;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which consent purposes each kind of action depends on, and whether it needs an explicit grant
 * (opt-in: marketing) or is allowed unless the fan refused (opt-out: service to an existing
 * customer, in-store personalisation).
 *
 * @param purposes per action, the purposes (as channels name them) that bear on it
 * @param optIn    the actions that need a grant of one of their purposes
 */
public record ConsentPolicy(Map<ActionKind, Set<String>> purposes, Set<ActionKind> optIn) {

    public ConsentPolicy {
        EnumMap<ActionKind, Set<String>> copy = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            Set<String> p = purposes == null ? null : purposes.get(kind);
            if (p == null) {
                throw new IllegalArgumentException("consent policy names no purposes for " + kind
                        + " (an empty set means consent does not bear on it)");
            }
            copy.put(kind, Set.copyOf(p));
        }
        purposes = Map.copyOf(copy);
        optIn = optIn == null ? Set.of() : Set.copyOf(optIn);
        for (ActionKind kind : optIn) {
            if (purposes.get(kind).isEmpty()) {
                throw new IllegalArgumentException(kind + " is opt-in but has no purpose a fan could grant");
            }
        }
    }

    /** The defaults documented in docs/fans-insights.md. */
    public static ConsentPolicy defaults() {
        return new ConsentPolicy(Map.of(
                ActionKind.SERVICE_CALLBACK, Set.of("service", "phone"),
                ActionKind.OFFER_STORE_RETURN, Set.of("service"),
                ActionKind.SHOW_BROWSED_PRODUCTS, Set.of("personalisation", "profiling"),
                ActionKind.SUGGEST_OTHER_CHANNEL, Set.of("service"),
                ActionKind.RETENTION_OFFER, Set.of("marketing", "email", "sms", "wechat")),
                Set.of(ActionKind.RETENTION_OFFER));
    }
}
