package org.omnichannel.core.fan.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fellegi-Sunter model: for each {@link Comparison} level, m (the probability of that level
 * among records of one person) and u (among records of different people), and lambda, the
 * probability that a compared (blocked) pair is a match. Learned by {@link EmTrainer} without
 * labels and persisted through a {@code ModelStore}.
 *
 * @param lambda        prior match probability of a blocked pair
 * @param comparisons   m and u per comparison
 * @param trainingPairs how many blocked pairs EM ran on (0 for the built-in priors)
 * @param trainedAt     when, or null for the built-in priors
 * @param frequencies   term frequencies of the values of the comparisons that use them
 *                      ({@link Comparison#usesTermFrequencies()}): exact agreement on a common
 *                      name weighs less than on a rare one, as in Splink
 */
public record MatchModel(double lambda, List<ComparisonModel> comparisons, long trainingPairs, Instant trainedAt,
                         List<TermFrequencies> frequencies) {

    public MatchModel {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
        }
        comparisons = List.copyOf(comparisons);
        frequencies = frequencies == null ? List.of() : List.copyOf(frequencies);
    }

    /**
     * How often values of one attribute occur among the training records.
     *
     * @param comparison the comparison whose exact level is adjusted
     * @param values     share of records with each value, for values seen at least twice
     * @param rare       the share assumed for any other value (one record in the training set)
     */
    public record TermFrequencies(Comparison comparison, java.util.Map<String, Double> values, double rare) {

        public TermFrequencies {
            values = java.util.Map.copyOf(values);
        }

        public double of(String value) {
            Double f = values.get(value);
            return f == null ? rare : f;
        }
    }

    /** The term frequencies of a comparison, or null when the model has none. */
    public TermFrequencies frequenciesOf(Comparison comparison) {
        for (TermFrequencies f : frequencies) {
            if (f.comparison() == comparison) {
                return f;
            }
        }
        return null;
    }

    /**
     * m and u of one comparison, one entry per level.
     */
    public record ComparisonModel(Comparison comparison, List<Double> m, List<Double> u) {

        public ComparisonModel {
            if (m.size() != comparison.levelCount() || u.size() != comparison.levelCount()) {
                throw new IllegalArgumentException(comparison + " has " + comparison.levelCount()
                        + " levels but the model gives " + m.size() + " m and " + u.size() + " u values");
            }
            m = List.copyOf(m);
            u = List.copyOf(u);
        }

        /** log2(m / u) of a level. */
        public double weight(int level) {
            return Math.log(m.get(level) / u.get(level)) / Math.log(2);
        }
    }

    public ComparisonModel of(Comparison comparison) {
        for (ComparisonModel c : comparisons) {
            if (c.comparison() == comparison) {
                return c;
            }
        }
        throw new IllegalArgumentException("model has no parameters for " + comparison);
    }

    /**
     * Priors for when nothing has been learned yet: agreement is likely among matches and rare
     * among non-matches, the closer the level the more so.
     */
    public static MatchModel priors() {
        List<ComparisonModel> out = new ArrayList<>();
        for (Comparison c : Comparison.all()) {
            int n = c.levelCount();
            List<Double> m = new ArrayList<>(n);
            List<Double> u = new ArrayList<>(n);
            for (int level = 0; level < n; level++) {
                boolean last = level == n - 1;
                m.add(last ? 0.05 : level == 0 ? 0.95 - 0.05 * (n - 2) : 0.05);
                u.add(last ? 1.0 - 0.01 * (n - 1) * 2 : level == 0 ? 0.01 : 0.03);
            }
            out.add(new ComparisonModel(c, normalise(m), normalise(u)));
        }
        return new MatchModel(0.1, out, 0, null, List.of());
    }

    static List<Double> normalise(List<Double> p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        List<Double> out = new ArrayList<>(p.size());
        for (double v : p) {
            out.add(v / sum);
        }
        return out;
    }
}
