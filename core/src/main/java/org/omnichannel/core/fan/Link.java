package org.omnichannel.core.fan;

import org.omnichannel.core.fan.match.MatchExplanation;

import java.util.Locale;

/**
 * One piece of evidence tying a record to a fan.
 *
 * @param fan         the fan
 * @param kind        a shared strong identifier, or a match weight over the threshold
 * @param key         the shared identity key (DETERMINISTIC), else null
 * @param trust       the key's trust 0..100 (DETERMINISTIC), else 0
 * @param explanation the comparison with the fan's closest record (PROBABILISTIC), else null
 */
public record Link(FanId fan, Kind kind, String key, int trust, MatchExplanation explanation) {

    /** How the record was tied to the fan. */
    public enum Kind {
        DETERMINISTIC,
        PROBABILISTIC
    }

    static Link deterministic(FanId fan, IdentityKey key) {
        return new Link(fan, Kind.DETERMINISTIC, key.key(), key.trust(), null);
    }

    static Link probabilistic(FanId fan, MatchExplanation explanation) {
        return new Link(fan, Kind.PROBABILISTIC, null, 0, explanation);
    }

    /** Orders links strongest first: trusted keys before weights, then by trust or weight. */
    double strength() {
        return kind == Kind.DETERMINISTIC ? 1_000_000 + trust : explanation.weight();
    }

    /** In words, for the audit. */
    public String describe() {
        return kind == Kind.DETERMINISTIC
                ? String.format(Locale.ROOT, "shares %s (trust %d) with %s", key, trust, fan)
                : "with " + fan + ": " + explanation.describe();
    }
}
