package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.normalize.Emails;

import java.util.List;

/**
 * The Fellegi-Sunter comparisons: for each attribute, an ordered list of agreement levels, the
 * most similar first and a disagreement level last. {@link #level} answers which level a pair of
 * records is at, or {@link #NULL} when either side does not know the attribute (no evidence
 * either way: weight 0).
 */
public enum Comparison {
    GIVEN_NAME("exact", "jaro-winkler>=0.92", "swapped with surname", "jaro-winkler>=0.80 or sounds alike", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return nameLevel(a.givenName(), b.givenName(), a.givenName(), b.surname(), b.givenName(), a.surname());
        }
    },
    SURNAME("exact", "jaro-winkler>=0.92", "swapped with given name", "jaro-winkler>=0.80 or sounds alike", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return nameLevel(a.surname(), b.surname(), a.surname(), b.givenName(), b.surname(), a.givenName());
        }
    },
    BIRTH_DATE("exact", "one digit off", "two digits off or day and month swapped", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.birthDate();
            String y = b.birthDate();
            if (x == null || y == null) {
                return NULL;
            }
            if (x.equals(y)) {
                return 0;
            }
            int edits = Similarity.editsUpTo2(x, y);
            if (edits == 1 || Similarity.adjacentTransposition(x, y)) {
                return 1;
            }
            if (edits == 2 || dayMonthSwapped(x, y)) {
                return 2;
            }
            return 3;
        }
    },
    EMAIL("exact", "same local part", "jaro-winkler>=0.88", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.email();
            String y = b.email();
            if (x == null || y == null) {
                return NULL;
            }
            if (x.equals(y)) {
                return 0;
            }
            if (Emails.localPart(x).equals(Emails.localPart(y))) {
                return 1;
            }
            return Similarity.jaroWinkler(x, y) >= 0.88 ? 2 : 3;
        }
    },
    PHONE("exact", "one digit off", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return edits(a.phone(), b.phone(), 1);
        }
    },
    NATIONAL_ID("exact", "up to two characters off", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return edits(a.nationalId(), b.nationalId(), 2);
        }
    },
    STREET_NUMBER("exact", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return exact(a.streetNumber(), b.streetNumber());
        }
    },
    STREET("exact", "jaro-winkler>=0.90", "jaro-winkler>=0.80", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return bands(a.street(), b.street(), 0.90, 0.80);
        }
    },
    LOCALITY("exact", "jaro-winkler>=0.90", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return bands(a.locality(), b.locality(), 0.90, 2);
        }
    },
    CITY("exact", "jaro-winkler>=0.88", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return bands(a.city(), b.city(), 0.88, 2);
        }
    },
    POSTCODE("exact", "one character off", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return edits(a.postcode(), b.postcode(), 1);
        }
    },
    STATE("exact", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return exact(a.state(), b.state());
        }
    },
    COUNTRY("exact", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return exact(a.country(), b.country());
        }
    },
    GENDER("exact", "different") {
        @Override
        int level(MatchRecord a, MatchRecord b) {
            return exact(a.gender(), b.gender());
        }
    };

    /**
     * True for the comparisons whose exact agreement is weighed by how common the value is
     * (names and cities): two records agreeing on "smith" say less than two agreeing on "mistry".
     */
    public boolean usesTermFrequencies() {
        return this == GIVEN_NAME || this == SURNAME || this == CITY;
    }

    /** The compared value of a record, for term frequencies; null when not applicable or unknown. */
    public String value(MatchRecord r) {
        return switch (this) {
            case GIVEN_NAME -> r.givenName();
            case SURNAME -> r.surname();
            case CITY -> r.city();
            default -> null;
        };
    }

    /** Either side is unknown. */
    public static final int NULL = -1;

    private static final Comparison[] ALL = values();
    private final List<String> levels;

    Comparison(String... levels) {
        this.levels = List.of(levels);
    }

    /** The level names, most similar first. */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** The level of a pair, 0 (most similar) to {@code levelCount() - 1}, or {@link #NULL}. */
    abstract int level(MatchRecord a, MatchRecord b);

    /** The level of a pair for one comparison: the public face of {@link #level}. */
    public static int levelOf(Comparison comparison, MatchRecord a, MatchRecord b) {
        return comparison.level(a, b);
    }

    static Comparison[] all() {
        return ALL;
    }

    /** Levels of a name part: exact, close, swapped with the other part, similar, different. */
    private static int nameLevel(String x, String y, String mine, String theirOther, String theirs, String myOther) {
        if (x == null || y == null) {
            return NULL;
        }
        if (x.equals(y)) {
            return 0;
        }
        double jw = Similarity.jaroWinkler(x, y);
        if (jw >= 0.92) {
            return 1;
        }
        if ((theirOther != null && Similarity.jaroWinkler(mine, theirOther) >= 0.92)
                || (myOther != null && Similarity.jaroWinkler(theirs, myOther) >= 0.92)) {
            return 2;
        }
        if (jw >= 0.80 || Similarity.soundAlike(x, y)) {
            return 3;
        }
        return 4;
    }

    private static int exact(String x, String y) {
        if (x == null || y == null) {
            return NULL;
        }
        return x.equals(y) ? 0 : 1;
    }

    /** exact, at most {@code maxEdits} edits, different. */
    private static int edits(String x, String y, int maxEdits) {
        if (x == null || y == null) {
            return NULL;
        }
        if (x.equals(y)) {
            return 0;
        }
        return Similarity.editsUpTo2(x, y) <= maxEdits ? 1 : 2;
    }

    /** exact, jaro-winkler >= high, (jaro-winkler >= low,) different; a low above 1 means no third band. */
    private static int bands(String x, String y, double high, double low) {
        if (x == null || y == null) {
            return NULL;
        }
        if (x.equals(y)) {
            return 0;
        }
        double jw = Similarity.jaroWinkler(x, y);
        if (jw >= high) {
            return 1;
        }
        if (low <= 1) {
            return jw >= low ? 2 : 3;
        }
        return 2;
    }

    private static boolean dayMonthSwapped(String x, String y) {
        return x.length() == 8 && y.length() == 8 && x.startsWith(y.substring(0, 4))
                && x.substring(4, 6).equals(y.substring(6, 8)) && x.substring(6, 8).equals(y.substring(4, 6));
    }
}
