package org.omnichannel.core.incentive;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact integer arithmetic for dividing credit. Nothing here uses floating point: every result is
 * in whole points or minor units, and the rounding is stated.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * Splits {@code total} into parts proportional to {@code weights} that sum to {@code total}
     * exactly (largest-remainder method). Each part first gets its quotient rounded toward zero;
     * the units left over go one each to the parts with the largest remainders, ties to the
     * earlier part. A negative total is split as its magnitude and the parts negated, so a
     * reversal splits like the credit it reverses.
     *
     * @param weights non-negative, at least one positive
     */
    public static long[] split(long total, long[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("cannot split among nobody: weights are empty");
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("split weights must not be negative, got " + w);
            }
            weightSum = weightSum.add(BigInteger.valueOf(w));
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("split weights must not all be zero");
        }
        if (total < 0) {
            long[] parts = split(Math.negateExact(total), weights);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
            return parts;
        }
        BigInteger whole = BigInteger.valueOf(total);
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(weightSum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = total - given; // fewer than weights.length units
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }

    /** Splits {@code total} into {@code n} equal parts that sum to it exactly; earlier parts get the extra units. */
    public static long[] splitEvenly(long total, int n) {
        long[] weights = new long[n];
        Arrays.fill(weights, 1);
        return split(total, weights);
    }

    /**
     * {@code value × numerator / denominator}, rounded half away from zero (HALF_UP), exact for
     * any long inputs.
     */
    public static long proportion(long value, long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        return divideHalfUp(BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator)), denominator);
    }

    /** {@code dividend / divisor} rounded half away from zero; the result must fit a long. */
    static long divideHalfUp(BigInteger product, long denominator) {
        BigInteger[] qr = product.abs().divideAndRemainder(BigInteger.valueOf(denominator));
        BigInteger magnitude = qr[0];
        if (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(denominator)) >= 0) {
            magnitude = magnitude.add(BigInteger.ONE);
        }
        return (product.signum() < 0 ? magnitude.negate() : magnitude).longValueExact();
    }
}
