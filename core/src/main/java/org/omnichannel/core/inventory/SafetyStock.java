package org.omnichannel.core.inventory;

/**
 * What a channel keeps back from the stock it is given, so that a count that is slightly wrong or a
 * sale not yet reported does not oversell: an absolute number of units plus a percentage (rounded up).
 *
 * @param units   units always held back (0 or more)
 * @param percent percent of the channel's share held back, 0 to 100
 */
public record SafetyStock(long units, int percent) {

    public static final SafetyStock NONE = new SafetyStock(0, 0);

    public SafetyStock {
        if (units < 0) {
            throw new IllegalArgumentException("safety stock units must not be negative, was " + units);
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("safety stock percent must be between 0 and 100, was " + percent);
        }
    }

    /** Units held back out of a share of {@code share} units (never more than the share). */
    public long withheldFrom(long share) {
        if (share <= 0) {
            return 0;
        }
        long byPercent = ceilDiv(multiply(share, percent), 100);
        return Math.min(share, units + byPercent);
    }

    /** What a channel given {@code share} units may sell. */
    public long sellableFrom(long share) {
        return share <= 0 ? 0 : share - withheldFrom(share);
    }

    /** The smallest share from which {@link #sellableFrom} reaches {@code target}; Long.MAX_VALUE if never. */
    public long shareNeededFor(long target) {
        if (target <= 0) {
            return 0;
        }
        if (percent == 100) {
            return Long.MAX_VALUE;
        }
        // sellable(s) = floor(s * (100 - p) / 100) - units >= target  <=>  s >= ceil(100 (target + units) / (100 - p))
        long needed = target + units;
        if (needed < 0 || needed > Long.MAX_VALUE / 100) {
            return Long.MAX_VALUE;
        }
        return ceilDiv(needed * 100, 100 - percent);
    }

    private static long multiply(long a, int b) {
        long high = Math.multiplyHigh(a, b);
        if (high != 0) {
            return Long.MAX_VALUE;
        }
        return a * b;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
