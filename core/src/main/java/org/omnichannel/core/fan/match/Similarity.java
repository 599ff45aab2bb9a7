package org.omnichannel.core.fan.match;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string measures the comparisons use, from Apache Commons Text and Codec. */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_2 = new LevenshteinDistance(2);
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final int MAX_CODES = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> CODES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Similarity() {
    }

    /**
     * Jaro-Winkler similarity, the same figure as Commons Text's {@code JaroWinklerSimilarity}
     * (a test holds them equal) without its allocations: on the hot path of every comparison.
     */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int ll = longer.length();
        int sl = shorter.length();
        if (sl == 0) {
            return 0;
        }
        if (ll > 64) {
            return JARO_WINKLER.apply(a, b);
        }
        int window = Math.max(ll / 2 - 1, 0);
        long shortMatched = 0;
        long longMatched = 0;
        int matches = 0;
        for (int i = 0; i < sl; i++) {
            char c = shorter.charAt(i);
            int end = Math.min(i + window + 1, ll);
            for (int j = Math.max(i - window, 0); j < end; j++) {
                if ((longMatched & (1L << j)) == 0 && c == longer.charAt(j)) {
                    shortMatched |= 1L << i;
                    longMatched |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < sl; i++) {
            if ((shortMatched & (1L << i)) != 0) {
                while ((longMatched & (1L << j)) == 0) {
                    j++;
                }
                if (shorter.charAt(i) != longer.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        int prefix = 0;
        int maxPrefix = Math.min(4, sl);
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
    }

    /** Commons Text's Jaro-Winkler, the reference {@link #jaroWinkler} is tested against. */
    static double referenceJaroWinkler(String a, String b) {
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
        String[] x = codes(a);
        String[] y = codes(b);
        return x[0].equals(y[0]) || x[1].equals(y[1]);
    }

    /** The primary Double Metaphone code of a name, or null for none. */
    static String metaphone(String name) {
        String code = codes(name)[0];
        return code == null || code.isEmpty() ? null : code;
    }

    /** Primary and alternate codes, remembered: names repeat, and encoding costs more than comparing. */
    private static String[] codes(String name) {
        String[] codes = CODES.get(name);
        if (codes == null) {
            if (CODES.size() > MAX_CODES) {
                CODES.clear();
            }
            codes = new String[] {METAPHONE.doubleMetaphone(name), METAPHONE.doubleMetaphone(name, true)};
            CODES.put(name, codes);
        }
        return codes;
    }
}
