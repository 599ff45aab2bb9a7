package org.omnichannel.core.fan;

import org.omnichannel.core.fan.match.Comparison;

import java.util.List;
import java.util.Objects;

/**
 * Strong evidence that records belong to different people: birth dates that no typo explains
 * (more than two digits apart and not day and month swapped), national ids more than two
 * characters apart, or two values of a one-per-person identifier (a WeChat unionid of one open
 * platform) that differ. Such evidence stops deterministic links and merges; for probabilistic
 * matches only verified one-per-person identifiers stop a link, because typed birth dates and ids
 * carry typos and are already weighed by the model.
 */
final class StrongEvidence {

    private StrongEvidence() {
    }

    /** The first attribute on which the two groups of records conflict, or null. */
    static String conflict(List<MatchRecord> left, List<MatchRecord> right) {
        if (disagreeAlways(left, right, Comparison.BIRTH_DATE, 3)) {
            return "BIRTH_DATE";
        }
        if (disagreeAlways(left, right, Comparison.NATIONAL_ID, 2)) {
            return "NATIONAL_ID";
        }
        return onePerPersonConflict(left, right, false);
    }

    /** The first verified one-per-person identifier the two groups hold different values of, or null. */
    static String verifiedConflict(List<MatchRecord> left, List<MatchRecord> right) {
        return onePerPersonConflict(left, right, true);
    }

    /** True when both sides know the attribute and every pair is at the disagreement level. */
    private static boolean disagreeAlways(List<MatchRecord> left, List<MatchRecord> right, Comparison comparison,
                                          int differentLevel) {
        boolean compared = false;
        for (MatchRecord a : left) {
            for (MatchRecord b : right) {
                int level = Comparison.levelOf(comparison, a, b);
                if (level == Comparison.NULL) {
                    continue;
                }
                if (level < differentLevel) {
                    return false;
                }
                compared = true;
            }
        }
        return compared;
    }

    private static String onePerPersonConflict(List<MatchRecord> left, List<MatchRecord> right, boolean verifiedOnly) {
        for (MatchRecord a : left) {
            for (IdentityKey x : a.keys()) {
                if (!x.type().onePerPerson() || (verifiedOnly && !x.verified())) {
                    continue;
                }
                for (MatchRecord b : right) {
                    for (IdentityKey y : b.keys()) {
                        if (y.type() == x.type() && Objects.equals(y.namespace(), x.namespace())
                                && (!verifiedOnly || y.verified()) && !y.value().equals(x.value())
                                && !sharesValue(right, x) && !sharesValue(left, y)) {
                            return x.type().name();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** True when some record of the group holds this very key (a group may hold several values). */
    private static boolean sharesValue(List<MatchRecord> group, IdentityKey key) {
        for (MatchRecord r : group) {
            if (r.keys().contains(key)) {
                return true;
            }
            for (IdentityKey k : r.keys()) {
                if (k.type() == key.type() && Objects.equals(k.namespace(), key.namespace())
                        && k.value().equals(key.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
