package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tunable parts of the omni-channel value index (see docs/fans-insights.md for the formula).
 *
 * @param breadthWeight      weight of channel breadth
 * @param recencyWeight      weight of recency
 * @param frequencyWeight    weight of purchase frequency
 * @param monetaryWeight     weight of monetary value
 * @param engagementWeight   weight of engagement (non-transaction behaviour)
 * @param kindShare          share of breadth that comes from channel kinds (the rest from channel count), 0..1
 * @param channelCap         number of distinct channels at which the channel-count part of breadth is full
 * @param halfLife           half-life of the time decay of frequency, monetary value and engagement
 * @param recencyHalfLife    time since the last activity after which recency is 0.5
 * @param frequencyScale     decayed orders at which frequency reaches 1 - 1/e (63%)
 * @param engagementScale    decayed engagement points at which engagement reaches 63%
 * @param spendUnitsMinor    per ISO currency, the spend (minor units) at which monetary value reaches 63%
 * @param defaultSpendMajor  for a currency not in {@code spendUnitsMinor}: that many major units
 * @param interactionPoints  engagement points of one interaction of each kind (all >= 0)
 */
public record ValueIndexSettings(double breadthWeight, double recencyWeight, double frequencyWeight,
                                 double monetaryWeight, double engagementWeight, double kindShare, int channelCap,
                                 Duration halfLife, Duration recencyHalfLife, double frequencyScale,
                                 double engagementScale, Map<String, Long> spendUnitsMinor, long defaultSpendMajor,
                                 Map<InteractionKind, Double> interactionPoints) {

    public ValueIndexSettings {
        nonNegative(breadthWeight, "breadthWeight");
        nonNegative(recencyWeight, "recencyWeight");
        nonNegative(frequencyWeight, "frequencyWeight");
        nonNegative(monetaryWeight, "monetaryWeight");
        nonNegative(engagementWeight, "engagementWeight");
        if (breadthWeight + recencyWeight + frequencyWeight + monetaryWeight + engagementWeight <= 0) {
            throw new IllegalArgumentException("value index weights must not all be 0");
        }
        if (!(kindShare >= 0 && kindShare <= 1)) {
            throw new IllegalArgumentException("kindShare must be between 0 and 1, was " + kindShare);
        }
        if (channelCap < 1) {
            throw new IllegalArgumentException("channelCap must be at least 1, was " + channelCap);
        }
        positive(halfLife, "halfLife");
        positive(recencyHalfLife, "recencyHalfLife");
        positiveScale(frequencyScale, "frequencyScale");
        positiveScale(engagementScale, "engagementScale");
        spendUnitsMinor = Map.copyOf(spendUnitsMinor == null ? Map.of() : spendUnitsMinor);
        spendUnitsMinor.forEach((currency, units) -> {
            if (units == null || units <= 0) {
                throw new IllegalArgumentException("spendUnitsMinor of " + currency + " must be positive, was " + units);
            }
        });
        if (defaultSpendMajor <= 0) {
            throw new IllegalArgumentException("defaultSpendMajor must be positive, was " + defaultSpendMajor);
        }
        EnumMap<InteractionKind, Double> points = new EnumMap<>(InteractionKind.class);
        for (InteractionKind kind : InteractionKind.values()) {
            Double p = interactionPoints == null ? null : interactionPoints.get(kind);
            if (p == null) {
                throw new IllegalArgumentException("interactionPoints has no value for " + kind);
            }
            nonNegative(p, "interactionPoints of " + kind);
            points.put(kind, p);
        }
        interactionPoints = Map.copyOf(points);
    }

    /** The defaults documented in docs/fans-insights.md. */
    public static ValueIndexSettings defaults() {
        Map<InteractionKind, Double> points = new EnumMap<>(InteractionKind.class);
        points.put(InteractionKind.VISIT, 1.0);
        points.put(InteractionKind.PRODUCT_VIEW, 0.5);
        points.put(InteractionKind.TRY_ON, 2.0);
        points.put(InteractionKind.CART_ADD, 1.0);
        points.put(InteractionKind.FOLLOW, 2.0);
        points.put(InteractionKind.LIKE, 0.5);
        points.put(InteractionKind.COMMENT, 1.0);
        points.put(InteractionKind.MESSAGE, 1.0);
        points.put(InteractionKind.COMPLAINT, 0.5);
        points.put(InteractionKind.SERVICE_CALL, 1.0);
        points.put(InteractionKind.REFERRAL, 1.0);
        return new ValueIndexSettings(0.30, 0.15, 0.15, 0.20, 0.20, 0.7, 8,
                Duration.ofDays(180), Duration.ofDays(60), 4.0, 12.0,
                Map.of("CNY", 200_000L, "EUR", 30_000L, "USD", 30_000L, "GBP", 25_000L, "JPY", 40_000L),
                300, points);
    }

    /** The weights' sum, by which the index is normalised. */
    public double weightSum() {
        return breadthWeight + recencyWeight + frequencyWeight + monetaryWeight + engagementWeight;
    }

    /** The spend unit of a currency in its minor units. */
    public double spendUnitMinor(String currency) {
        Long units = spendUnitsMinor.get(currency);
        if (units != null) {
            return units;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return defaultSpendMajor * Math.pow(10, digits);
    }

    public double points(InteractionKind kind) {
        return interactionPoints.get(kind);
    }

    /** The decay rate per millisecond: ln 2 / half-life. */
    double decayPerMilli() {
        return Math.log(2) / halfLife.toMillis();
    }

    private static void nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
    }

    private static void positiveScale(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
    }

    private static void positive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
    }
}
