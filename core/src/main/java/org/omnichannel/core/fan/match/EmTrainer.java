package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Learns a {@link MatchModel} from unlabelled records, as Splink does: u from random pairs
 * (almost all of which are different people), then m and lambda by expectation-maximisation over
 * the pairs that blocking would compare, u held fixed. No truth is read; the records' ids are
 * used only to tell pairs apart.
 */
public final class EmTrainer {

    private static final int BITS = 3;
    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-7;
    private static final double FLOOR = 1e-5;

    private final long randomPairs;
    private final long seed;
    private final Clock clock;

    /**
     * @param randomPairs how many random pairs estimate u
     * @param seed        for the random pairs, so that training is reproducible
     */
    public EmTrainer(long randomPairs, long seed, Clock clock) {
        this.randomPairs = randomPairs;
        this.seed = seed;
        this.clock = clock;
    }

    public EmTrainer() {
        this(200_000, 42, Clock.systemUTC());
    }

    /** A model learned from these records; the priors when there are fewer than two. */
    public MatchModel train(List<MatchRecord> records) {
        if (records.size() < 2) {
            return MatchModel.priors();
        }
        Comparison[] all = Comparison.all();
        double[][] u = estimateU(records, all);
        Map<Long, long[]> patterns = blockedPatterns(records, all);
        long pairs = 0;
        for (long[] count : patterns.values()) {
            pairs += count[0];
        }
        if (pairs == 0) {
            return withU(MatchModel.priors(), u, 0);
        }
        MatchModel priors = MatchModel.priors();
        double[][] m = new double[all.length][];
        for (Comparison c : all) {
            m[c.ordinal()] = priors.of(c).m().stream().mapToDouble(Double::doubleValue).toArray();
        }
        double lambda = 0.2;
        long[] keys = new long[patterns.size()];
        double[] counts = new double[patterns.size()];
        int i = 0;
        for (Map.Entry<Long, long[]> e : patterns.entrySet()) {
            keys[i] = e.getKey();
            counts[i++] = e.getValue()[0];
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] mCount = new double[all.length][];
            for (Comparison c : all) {
                mCount[c.ordinal()] = new double[c.levelCount()];
            }
            double matched = 0;
            for (int p = 0; p < keys.length; p++) {
                double lm = lambda;
                double lu = 1 - lambda;
                for (Comparison c : all) {
                    int level = level(keys[p], c.ordinal());
                    if (level != Comparison.NULL) {
                        lm *= m[c.ordinal()][level];
                        lu *= u[c.ordinal()][level];
                    }
                }
                double posterior = lm / (lm + lu);
                double w = posterior * counts[p];
                matched += w;
                for (Comparison c : all) {
                    int level = level(keys[p], c.ordinal());
                    if (level != Comparison.NULL) {
                        mCount[c.ordinal()][level] += w;
                    }
                }
            }
            double change = Math.abs(matched / pairs - lambda);
            lambda = clamp(matched / pairs);
            for (Comparison c : all) {
                double[] counted = mCount[c.ordinal()];
                double total = 0;
                for (double v : counted) {
                    total += v;
                }
                if (total <= 0) {
                    continue;
                }
                for (int level = 0; level < counted.length; level++) {
                    double next = Math.max(FLOOR, counted[level] / total);
                    change = Math.max(change, Math.abs(next - m[c.ordinal()][level]));
                    m[c.ordinal()][level] = next;
                }
            }
            if (change < CONVERGED) {
                break;
            }
        }
        List<MatchModel.ComparisonModel> out = new ArrayList<>();
        for (Comparison c : all) {
            out.add(new MatchModel.ComparisonModel(c, MatchModel.normalise(list(m[c.ordinal()])),
                    list(u[c.ordinal()])));
        }
        return new MatchModel(lambda, out, pairs, clock.instant());
    }

    /** u per level from random pairs, with one pseudo-count per level so that none is zero. */
    private double[][] estimateU(List<MatchRecord> records, Comparison[] all) {
        int n = records.size();
        long possible = (long) n * (n - 1) / 2;
        long samples = Math.min(randomPairs, possible);
        Random random = new Random(seed);
        double[][] counts = new double[all.length][];
        for (Comparison c : all) {
            counts[c.ordinal()] = new double[c.levelCount()];
            java.util.Arrays.fill(counts[c.ordinal()], 1.0);
        }
        for (long s = 0; s < samples; s++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            for (Comparison c : all) {
                int level = c.level(records.get(a), records.get(b));
                if (level != Comparison.NULL) {
                    counts[c.ordinal()][level]++;
                }
            }
        }
        for (double[] row : counts) {
            double total = 0;
            for (double v : row) {
                total += v;
            }
            for (int level = 0; level < row.length; level++) {
                row[level] /= total;
            }
        }
        return counts;
    }

    /** The level patterns of the pairs blocking compares, with how often each occurs. */
    private static Map<Long, long[]> blockedPatterns(List<MatchRecord> records, Comparison[] all) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        Map<Long, long[]> patterns = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            MatchRecord record = records.get(i);
            for (String key : Blocking.keys(record)) {
                List<Integer> block = blocks.computeIfAbsent(key, k -> new ArrayList<>(2));
                for (int k = Math.max(0, block.size() - Blocking.BLOCK_LIMIT); k < block.size(); k++) {
                    int j = block.get(k);
                    if (seen.add(((long) j << 32) | i)) {
                        long pattern = pattern(record, records.get(j), all);
                        patterns.computeIfAbsent(pattern, p -> new long[1])[0]++;
                    }
                }
                block.add(i);
            }
        }
        return patterns;
    }

    static long pattern(MatchRecord a, MatchRecord b, Comparison[] all) {
        long pattern = 0;
        for (Comparison c : all) {
            pattern |= ((long) (c.level(a, b) + 1)) << (BITS * c.ordinal());
        }
        return pattern;
    }

    private static int level(long pattern, int ordinal) {
        return (int) ((pattern >>> (BITS * ordinal)) & ((1 << BITS) - 1)) - 1;
    }

    private static MatchModel withU(MatchModel model, double[][] u, long pairs) {
        List<MatchModel.ComparisonModel> out = new ArrayList<>();
        for (MatchModel.ComparisonModel c : model.comparisons()) {
            out.add(new MatchModel.ComparisonModel(c.comparison(), c.m(), list(u[c.comparison().ordinal()])));
        }
        return new MatchModel(model.lambda(), out, pairs, null);
    }

    private static double clamp(double lambda) {
        return Math.min(0.999, Math.max(0.0001, lambda));
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
