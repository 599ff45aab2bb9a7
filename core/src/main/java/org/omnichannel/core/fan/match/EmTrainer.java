package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Learns a {@link MatchModel} from unlabelled records, the way Splink does:
 * <ol>
 *   <li>u from random pairs, almost all of which are different people;</li>
 *   <li>for each training rule (pairs agreeing exactly on one attribute), m of the other
 *       comparisons and the share of matches by expectation-maximisation, u held fixed;</li>
 *   <li>m averaged over the rules that could learn it, weighted by their expected matches;</li>
 *   <li>lambda, the probability that two random records match, from each rule's expected
 *       matches divided by the m of its own agreement (the median over rules).</li>
 * </ol>
 * No truth is read. Large blocks are sampled, so training stays linear in the records.
 */
public final class EmTrainer {

    private static final int BITS = 3;
    private static final int MAX_ITERATIONS = 200;
    private static final double CONVERGED = 1e-6;
    private static final double FLOOR = 1e-5;
    /** Pairs sampled per block at most: a block of n records has n(n-1)/2 pairs. */
    private static final int PAIRS_PER_BLOCK = 400;
    /** Term frequencies kept per attribute: the commonest values; any other counts as rare. */
    private static final int MAX_FREQUENCIES = 5000;

    private final long randomPairs;
    private final long seed;
    private final Clock clock;

    /**
     * @param randomPairs how many random pairs estimate u
     * @param seed        for sampling, so that training is reproducible
     */
    public EmTrainer(long randomPairs, long seed, Clock clock) {
        this.randomPairs = randomPairs;
        this.seed = seed;
        this.clock = clock;
    }

    public EmTrainer() {
        this(200_000, 42, Clock.systemUTC());
    }

    /** A model learned from these records; the priors when there are fewer than three. */
    public MatchModel train(List<MatchRecord> records) {
        if (records.size() < 3) {
            return MatchModel.priors();
        }
        Comparison[] all = Comparison.all();
        Random random = new Random(seed);
        double[][] u = estimateU(records, all, random);
        MatchModel priors = MatchModel.priors();

        double[][] mSum = new double[all.length][];
        double[] mWeight = new double[all.length];
        for (Comparison c : all) {
            mSum[c.ordinal()] = new double[c.levelCount()];
        }
        List<Double> lambdas = new ArrayList<>();
        List<RuleResult> results = new ArrayList<>();
        long trainingPairs = 0;
        for (TrainingRule rule : TrainingRule.values()) {
            Block block = block(records, rule, all, random);
            if (block.sampled == 0) {
                continue;
            }
            trainingPairs += block.sampled;
            RuleResult result = em(block, rule, all, u, priors);
            results.add(result);
            double expectedMatches = result.share * block.total;
            for (Comparison c : all) {
                if (c == rule.comparison() || result.seen[c.ordinal()] <= 0) {
                    continue;
                }
                double w = expectedMatches * result.seen[c.ordinal()] / block.total;
                for (int level = 0; level < c.levelCount(); level++) {
                    mSum[c.ordinal()][level] += w * result.m[c.ordinal()][level];
                }
                mWeight[c.ordinal()] += w;
            }
        }
        double[][] m = new double[all.length][];
        for (Comparison c : all) {
            if (mWeight[c.ordinal()] > 0) {
                m[c.ordinal()] = new double[c.levelCount()];
                for (int level = 0; level < c.levelCount(); level++) {
                    m[c.ordinal()][level] = Math.max(FLOOR, mSum[c.ordinal()][level] / mWeight[c.ordinal()]);
                }
            } else {
                m[c.ordinal()] = priors.of(c).m().stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        long possible = (long) records.size() * (records.size() - 1) / 2;
        for (RuleResult r : results) {
            double agreeAmongMatches = m[r.rule.comparison().ordinal()][0];
            if (r.share * r.total > 0 && agreeAmongMatches > 0.05) {
                lambdas.add(r.share * r.total / agreeAmongMatches / possible);
            }
        }
        double lambda = lambdas.isEmpty() ? 1.0 / records.size() : median(lambdas);
        lambda = Math.min(0.5, Math.max(1e-9, lambda));
        List<MatchModel.ComparisonModel> out = new ArrayList<>();
        for (Comparison c : all) {
            out.add(new MatchModel.ComparisonModel(c, MatchModel.normalise(list(m[c.ordinal()])), list(u[c.ordinal()])));
        }
        return new MatchModel(lambda, out, trainingPairs, clock.instant(), frequencies(records, all));
    }

    /** Term frequencies of the comparisons that use them: values seen at least twice, the most common first. */
    private static List<MatchModel.TermFrequencies> frequencies(List<MatchRecord> records, Comparison[] all) {
        List<MatchModel.TermFrequencies> out = new ArrayList<>();
        for (Comparison c : all) {
            if (!c.usesTermFrequencies()) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            int known = 0;
            for (MatchRecord r : records) {
                String v = c.value(r);
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                    known++;
                }
            }
            if (known == 0) {
                continue;
            }
            final int total = known;
            Map<String, Double> shares = new HashMap<>();
            counts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(MAX_FREQUENCIES)
                    .forEach(e -> shares.put(e.getKey(), (double) e.getValue() / total));
            out.add(new MatchModel.TermFrequencies(c, shares, 1.0 / total));
        }
        return out;
    }

    private record Block(Map<Long, double[]> patterns, long sampled, double total) {
    }

    private record RuleResult(TrainingRule rule, double[][] m, double share, double total, double[] seen) {
    }

    /** EM over one rule's pairs, with u fixed and the rule's own comparison left out. */
    private static RuleResult em(Block block, TrainingRule rule, Comparison[] all, double[][] u, MatchModel priors) {
        double[][] m = new double[all.length][];
        for (Comparison c : all) {
            m[c.ordinal()] = priors.of(c).m().stream().mapToDouble(Double::doubleValue).toArray();
        }
        int n = block.patterns.size();
        long[] keys = new long[n];
        double[] counts = new double[n];
        int i = 0;
        for (Map.Entry<Long, double[]> e : block.patterns.entrySet()) {
            keys[i] = e.getKey();
            counts[i++] = e.getValue()[0];
        }
        double[] seen = new double[all.length];
        for (int p = 0; p < n; p++) {
            for (Comparison c : all) {
                if (c != rule.comparison() && level(keys[p], c.ordinal()) != Comparison.NULL) {
                    seen[c.ordinal()] += counts[p];
                }
            }
        }
        double share = 0.3;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] mCount = new double[all.length][];
            for (Comparison c : all) {
                mCount[c.ordinal()] = new double[c.levelCount()];
            }
            double matched = 0;
            for (int p = 0; p < n; p++) {
                double lm = share;
                double lu = 1 - share;
                for (Comparison c : all) {
                    int level = level(keys[p], c.ordinal());
                    if (level != Comparison.NULL && c != rule.comparison()) {
                        lm *= m[c.ordinal()][level];
                        lu *= u[c.ordinal()][level];
                    }
                }
                double w = lm / (lm + lu) * counts[p];
                matched += w;
                for (Comparison c : all) {
                    int level = level(keys[p], c.ordinal());
                    if (level != Comparison.NULL && c != rule.comparison()) {
                        mCount[c.ordinal()][level] += w;
                    }
                }
            }
            double next = Math.min(0.9999, Math.max(1e-6, matched / block.total));
            double change = Math.abs(next - share);
            share = next;
            for (Comparison c : all) {
                double[] counted = mCount[c.ordinal()];
                double total = Arrays.stream(counted).sum();
                if (total <= 0) {
                    continue;
                }
                for (int level = 0; level < counted.length; level++) {
                    double v = Math.max(FLOOR, counted[level] / total);
                    change = Math.max(change, Math.abs(v - m[c.ordinal()][level]));
                    m[c.ordinal()][level] = v;
                }
            }
            if (change < CONVERGED) {
                break;
            }
        }
        return new RuleResult(rule, m, share, block.total, seen);
    }

    /** u per level from random pairs, with one pseudo-count per level so that none is zero. */
    private double[][] estimateU(List<MatchRecord> records, Comparison[] all, Random random) {
        int n = records.size();
        long possible = (long) n * (n - 1) / 2;
        long samples = Math.min(randomPairs, possible);
        double[][] counts = new double[all.length][];
        for (Comparison c : all) {
            counts[c.ordinal()] = new double[c.levelCount()];
            Arrays.fill(counts[c.ordinal()], 1.0);
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
            double total = Arrays.stream(row).sum();
            for (int level = 0; level < row.length; level++) {
                row[level] /= total;
            }
        }
        return counts;
    }

    /** The level patterns of a sample of the pairs agreeing on the rule's key, and how many such pairs there are. */
    private static Block block(List<MatchRecord> records, TrainingRule rule, Comparison[] all, Random random) {
        Map<String, List<MatchRecord>> groups = new HashMap<>();
        for (MatchRecord r : records) {
            String key = rule.key(r);
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
            }
        }
        Map<Long, double[]> patterns = new HashMap<>();
        long sampled = 0;
        double total = 0;
        for (List<MatchRecord> group : groups.values()) {
            int n = group.size();
            if (n < 2) {
                continue;
            }
            double pairs = (double) n * (n - 1) / 2;
            total += pairs;
            if (pairs <= PAIRS_PER_BLOCK) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        patterns.computeIfAbsent(pattern(group.get(i), group.get(j), all), p -> new double[1])[0]++;
                        sampled++;
                    }
                }
            } else {
                double scale = pairs / PAIRS_PER_BLOCK;
                for (int s = 0; s < PAIRS_PER_BLOCK; s++) {
                    int i = random.nextInt(n);
                    int j = random.nextInt(n - 1);
                    if (j >= i) {
                        j++;
                    }
                    // Each sampled pair stands for `scale` pairs of its block.
                    patterns.computeIfAbsent(pattern(group.get(i), group.get(j), all), p -> new double[1])[0] += scale;
                    sampled++;
                }
            }
        }
        return new Block(patterns, sampled, total);
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
