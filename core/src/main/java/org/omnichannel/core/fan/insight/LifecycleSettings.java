package org.omnichannel.core.fan.insight;

import java.time.Duration;

/**
 * Thresholds of the lifecycle stages.
 *
 * @param newWindow       a one-order fan is NEW for this long after the first order
 * @param atRiskAfter     a buyer idle this long is AT_RISK
 * @param lapsedAfter     a buyer idle this long is LAPSED (longer than atRiskAfter)
 * @param loyalMinOrders  orders needed to be LOYAL
 * @param loyalMinIndex   value index needed to be LOYAL
 * @param ironFanMinKinds channel kinds needed to be an IRON_FAN
 * @param ironFanMinIndex value index needed to be an IRON_FAN
 */
public record LifecycleSettings(Duration newWindow, Duration atRiskAfter, Duration lapsedAfter, int loyalMinOrders,
                                double loyalMinIndex, int ironFanMinKinds, double ironFanMinIndex) {

    public LifecycleSettings {
        positive(newWindow, "newWindow");
        positive(atRiskAfter, "atRiskAfter");
        positive(lapsedAfter, "lapsedAfter");
        if (lapsedAfter.compareTo(atRiskAfter) <= 0) {
            throw new IllegalArgumentException("lapsedAfter (" + lapsedAfter + ") must be longer than atRiskAfter ("
                    + atRiskAfter + ")");
        }
        if (loyalMinOrders < 2) {
            throw new IllegalArgumentException("loyalMinOrders must be at least 2, was " + loyalMinOrders);
        }
        if (ironFanMinKinds < 2 || ironFanMinKinds > 5) {
            throw new IllegalArgumentException("ironFanMinKinds must be between 2 and 5, was " + ironFanMinKinds);
        }
        index(loyalMinIndex, "loyalMinIndex");
        index(ironFanMinIndex, "ironFanMinIndex");
    }

    /** The defaults documented in docs/fans-insights.md. */
    public static LifecycleSettings defaults() {
        return new LifecycleSettings(Duration.ofDays(90), Duration.ofDays(90), Duration.ofDays(365), 3, 40, 3, 50);
    }

    private static void positive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
    }

    private static void index(double value, String field) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(field + " must be between 0 and 100, was " + value);
        }
    }
}
