package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;

/**
 * The omni-channel value index of a fan's aggregate as of an instant:
 * <pre>
 *   index = 100 * (wB*B + wR*R + wF*F + wM*M + wE*E) / (wB + wR + wF + wM + wE)
 *   B = kindShare * kinds/5 + (1 - kindShare) * min(channels, channelCap)/channelCap
 *   R = 2^(-(asOf - lastActivity) / recencyHalfLife)           (1 for activity after asOf, 0 if none)
 *   F = 1 - e^(-max(0, decayedOrders) / frequencyScale)
 *   M = 1 - e^(-max(0, decayedSpendUnits))
 *   E = 1 - e^(-decayedEngagement / engagementScale)
 * </pre>
 * Every component is non-decreasing in what the fan does (except reversals) and non-increasing in
 * time, which gives the two monotonicity promises; docs/fans-insights.md works an example.
 */
public final class ValueIndexCalculator {

    private static final int KIND_COUNT = ChannelKind.values().length;

    private final ValueIndexSettings settings;

    public ValueIndexCalculator(ValueIndexSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
    }

    public ValueIndex index(FanAggregate fan, Instant asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        double breadth = settings.kindShare() * fan.channelKindCount() / KIND_COUNT
                + (1 - settings.kindShare()) * Math.min(fan.channelCount(), settings.channelCap())
                / (double) settings.channelCap();
        double recency = 0;
        if (fan.lastActivity() != null) {
            double idle = Math.max(0, asOf.toEpochMilli() - fan.lastActivity().toEpochMilli());
            recency = Math.pow(2, -idle / settings.recencyHalfLife().toMillis());
        }
        double frequency = saturate(Math.max(0, fan.decayedOrders(asOf)) / settings.frequencyScale());
        double monetary = saturate(Math.max(0, fan.decayedSpend(asOf)));
        double engagement = saturate(fan.decayedEngagement(asOf) / settings.engagementScale());
        double weighted = settings.breadthWeight() * breadth + settings.recencyWeight() * recency
                + settings.frequencyWeight() * frequency + settings.monetaryWeight() * monetary
                + settings.engagementWeight() * engagement;
        double value = Math.min(100, Math.max(0, 100 * weighted / settings.weightSum()));
        return new ValueIndex(value, breadth, recency, frequency, monetary, engagement, asOf);
    }

    private static double saturate(double x) {
        return -Math.expm1(-x);
    }
}
