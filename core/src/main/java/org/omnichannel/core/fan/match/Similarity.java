package org.omnichannel.core.fan.match;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string measures the comparisons use, from Apache Commons Text and Codec. */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_2 = new LevenshteinDistance(2);
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private Similarity() {
    }

    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /** Levenshtein distance if at most 2, else 3. */
    static int editsUpTo2(String a, String b) {
        int d = LEVENSHTEIN_2.apply(a, b);
        return d < 0 ? 3 : d;
    }

    /** True when the two differ only by two neighbouring characters swapped. */
    static boolean adjacentTransposition(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first < 0 || first == a.length() - 1) {
            return false;
        }
        return a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    /** Both names sound alike by Double Metaphone (primary or alternate codes). */
    static boolean soundAlike(String a, String b) {
        return METAPHONE.isDoubleMetaphoneEqual(a, b) || METAPHONE.isDoubleMetaphoneEqual(a, b, true);
    }
}
