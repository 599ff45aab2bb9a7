package org.omnichannel.bench.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 (a pair is predicted when both records end in the same fan,
 * true when they share an entity), and B-cubed F1, computed from cluster sizes, not by listing
 * pairs. In linkage mode only pairs with one record from each file count.
 *
 * @param precision pairwise precision
 * @param recall    pairwise recall
 * @param f1        pairwise F1
 * @param b3F1      B-cubed F1 over all records
 */
public record Scores(double precision, double recall, double f1, double b3F1, long truePairs, long predictedPairs,
                     long correctPairs) {

    /** One scored record: its predicted fan, its true entity, and which file it came from (0 or 1). */
    public record Outcome(String fan, String entity, int file) {
    }

    public static Scores of(List<Outcome> outcomes, boolean linkage) {
        Map<String, long[]> predicted = new HashMap<>();
        Map<String, long[]> truth = new HashMap<>();
        Map<String, long[]> both = new HashMap<>();
        for (Outcome o : outcomes) {
            predicted.computeIfAbsent(o.fan(), k -> new long[2])[o.file()]++;
            truth.computeIfAbsent(o.entity(), k -> new long[2])[o.file()]++;
            both.computeIfAbsent(o.fan() + "\u0000" + o.entity(), k -> new long[2])[o.file()]++;
        }
        long predictedPairs = pairs(predicted, linkage);
        long truePairs = pairs(truth, linkage);
        long correct = pairs(both, linkage);
        double precision = predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
        double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        double b3p = 0;
        double b3r = 0;
        for (Outcome o : outcomes) {
            long overlap = total(both.get(o.fan() + "\u0000" + o.entity()));
            b3p += (double) overlap / total(predicted.get(o.fan()));
            b3r += (double) overlap / total(truth.get(o.entity()));
        }
        b3p /= outcomes.size();
        b3r /= outcomes.size();
        double b3 = b3p + b3r == 0 ? 0 : 2 * b3p * b3r / (b3p + b3r);
        return new Scores(precision, recall, f1, b3, truePairs, predictedPairs, correct);
    }

    private static long pairs(Map<String, long[]> groups, boolean linkage) {
        long sum = 0;
        for (long[] n : groups.values()) {
            sum += linkage ? n[0] * n[1] : (n[0] + n[1]) * (n[0] + n[1] - 1) / 2;
        }
        return sum;
    }

    private static long total(long[] n) {
        return n[0] + n[1];
    }
}
