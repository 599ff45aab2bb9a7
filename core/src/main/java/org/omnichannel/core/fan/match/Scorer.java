package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a pair of records with a {@link MatchModel}: the match weight is the sum over
 * comparisons of log2(m/u) of the level the pair is at (unknown attributes add nothing), and the
 * match probability follows from it and the model's lambda.
 */
public final class Scorer {

    private static final double LOG2 = Math.log(2);

    private final MatchModel model;
    private final double[][] weights;
    /** Per comparison: term frequencies for the exact level, or null. */
    private final MatchModel.TermFrequencies[] frequencies;
    /** Per comparison: m of the exact level, for term-frequency weights. */
    private final double[] mExact;
    private final double priorWeight;
    /** Comparisons, most decisive first (widest weight range), for early exit. */
    private final Comparison[] order;
    /** For each position in {@link #order}: the most the comparisons from there on can add. */
    private final double[] maxRest;

    public Scorer(MatchModel model) {
        this.model = model;
        Comparison[] all = Comparison.all();
        weights = new double[all.length][];
        for (Comparison c : all) {
            MatchModel.ComparisonModel cm = model.of(c);
            weights[c.ordinal()] = new double[c.levelCount()];
            for (int level = 0; level < c.levelCount(); level++) {
                weights[c.ordinal()][level] = cm.weight(level);
            }
        }
        frequencies = new MatchModel.TermFrequencies[all.length];
        mExact = new double[all.length];
        for (Comparison c : all) {
            frequencies[c.ordinal()] = model.frequenciesOf(c);
            mExact[c.ordinal()] = model.of(c).m().get(0);
        }
        priorWeight = Math.log(model.lambda() / (1 - model.lambda())) / LOG2;
        order = all.clone();
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Comparison c) -> range(weights[c.ordinal()]))
                .reversed());
        maxRest = new double[order.length + 1];
        for (int i = order.length - 1; i >= 0; i--) {
            Comparison c = order[i];
            double best = max(weights[c.ordinal()]);
            if (frequencies[c.ordinal()] != null) {
                best = Math.max(best, log2(mExact[c.ordinal()] / smallest(frequencies[c.ordinal()])));
            }
            maxRest[i] = maxRest[i + 1] + Math.max(0, best);
        }
    }

    private static double smallest(MatchModel.TermFrequencies f) {
        double min = f.rare();
        for (double v : f.values().values()) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double log2(double x) {
        return Math.log(x) / LOG2;
    }

    /** The weight of a level; exact agreement on a value with a known frequency is weighed by it. */
    private double weightOf(Comparison c, int level, MatchRecord a) {
        MatchModel.TermFrequencies f = frequencies[c.ordinal()];
        if (level == 0 && f != null) {
            return log2(mExact[c.ordinal()] / f.of(c.value(a)));
        }
        return weights[c.ordinal()][level];
    }

    private static double range(double[] w) {
        return max(w) - java.util.Arrays.stream(w).min().orElse(0);
    }

    private static double max(double[] w) {
        return java.util.Arrays.stream(w).max().orElse(0);
    }

    /**
     * The match weight of a pair if it can reach {@code min}, else negative infinity: comparing
     * stops as soon as the attributes left cannot make up the difference.
     */
    public double weightAtLeast(MatchRecord a, MatchRecord b, double min) {
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            if (sum + maxRest[i] < min) {
                return Double.NEGATIVE_INFINITY;
            }
            Comparison c = order[i];
            int level = c.level(a, b);
            if (level != Comparison.NULL) {
                sum += weightOf(c, level, a);
            }
        }
        return sum >= min ? sum : Double.NEGATIVE_INFINITY;
    }

    public MatchModel model() {
        return model;
    }

    /** The match weight of a pair (without the prior). */
    public double weight(MatchRecord a, MatchRecord b) {
        double sum = 0;
        for (Comparison c : Comparison.all()) {
            int level = c.level(a, b);
            if (level != Comparison.NULL) {
                sum += weightOf(c, level, a);
            }
        }
        return sum;
    }

    /** The posterior probability that a pair with this match weight is one person. */
    public double probability(double weight) {
        double odds = Math.pow(2, priorWeight + weight);
        return odds / (1 + odds);
    }

    /** The match weight a pair needs to reach a match probability. */
    public double weightFor(double probability) {
        return Math.log(probability / (1 - probability)) / LOG2 - priorWeight;
    }

    /** Every comparison's level and weight for a pair: the explanation of a decision. */
    public MatchExplanation explain(MatchRecord a, MatchRecord b) {
        List<MatchExplanation.FieldWeight> fields = new ArrayList<>();
        double sum = 0;
        for (Comparison c : Comparison.all()) {
            int level = c.level(a, b);
            if (level != Comparison.NULL) {
                double w = weightOf(c, level, a);
                sum += w;
                fields.add(new MatchExplanation.FieldWeight(c, c.levels().get(level), w));
            }
        }
        return new MatchExplanation(a.recordId(), b.recordId(), fields, sum, probability(sum));
    }
}
