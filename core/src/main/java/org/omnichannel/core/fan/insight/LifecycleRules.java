package org.omnichannel.core.fan.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides a fan's lifecycle stage, first rule that matches wins:
 * <ol>
 *   <li>no order (net of cancellations) → PROSPECT</li>
 *   <li>idle ≥ lapsedAfter → LAPSED; idle ≥ atRiskAfter → AT_RISK</li>
 *   <li>channel kinds ≥ ironFanMinKinds and index ≥ ironFanMinIndex → IRON_FAN</li>
 *   <li>orders ≥ loyalMinOrders and index ≥ loyalMinIndex → LOYAL</li>
 *   <li>one order, first order within newWindow → NEW</li>
 *   <li>otherwise ACTIVE</li>
 * </ol>
 */
public final class LifecycleRules {

    private final LifecycleSettings settings;

    public LifecycleRules(LifecycleSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("lifecycle settings are required");
        }
        this.settings = settings;
    }

    public LifecycleSettings settings() {
        return settings;
    }

    /** The fan's stage as of an instant. Cheap: no text is built (see {@link #explain}). */
    public LifecycleStage stage(FanAggregate fan, ValueIndex index, Instant asOf) {
        if (fan.orders() <= 0) {
            return LifecycleStage.PROSPECT;
        }
        long idle = idleMillis(fan, asOf);
        if (idle >= settings.lapsedAfter().toMillis()) {
            return LifecycleStage.LAPSED;
        }
        if (idle >= settings.atRiskAfter().toMillis()) {
            return LifecycleStage.AT_RISK;
        }
        if (fan.channelKindCount() >= settings.ironFanMinKinds() && index.value() >= settings.ironFanMinIndex()) {
            return LifecycleStage.IRON_FAN;
        }
        if (fan.orders() >= settings.loyalMinOrders() && index.value() >= settings.loyalMinIndex()) {
            return LifecycleStage.LOYAL;
        }
        if (fan.orders() == 1 && fan.firstOrder() != null
                && asOf.toEpochMilli() - fan.firstOrder().toEpochMilli() < settings.newWindow().toMillis()) {
            return LifecycleStage.NEW;
        }
        return LifecycleStage.ACTIVE;
    }

    /** Why the fan is in the stage, in words a clerk can read. */
    public String explain(LifecycleStage stage, FanAggregate fan, ValueIndex index, Instant asOf) {
        long idleDays = Duration.ofMillis(idleMillis(fan, asOf)).toDays();
        return switch (stage) {
            case PROSPECT -> "has not bought yet";
            case LAPSED -> "no activity for " + idleDays + " days (lapsed after " + settings.lapsedAfter().toDays()
                    + ")";
            case AT_RISK -> "no activity for " + idleDays + " days (at risk after " + settings.atRiskAfter().toDays()
                    + ")";
            case IRON_FAN -> "uses " + fan.channelKindCount() + " kinds of channel " + fan.channelKinds()
                    + " with value index " + fmt(index.value()) + " (iron fan from " + settings.ironFanMinKinds()
                    + " kinds and " + fmt(settings.ironFanMinIndex()) + ")";
            case LOYAL -> fan.orders() + " orders with value index " + fmt(index.value()) + " (loyal from "
                    + settings.loyalMinOrders() + " orders and " + fmt(settings.loyalMinIndex()) + ")";
            case NEW -> "first order " + Duration.between(fan.firstOrder(), asOf).toDays() + " days ago";
            case ACTIVE -> fan.orders() + " orders, last activity " + idleDays + " days ago, value index "
                    + fmt(index.value());
        };
    }

    private static long idleMillis(FanAggregate fan, Instant asOf) {
        return fan.lastActivity() == null ? 0 : Math.max(0, asOf.toEpochMilli() - fan.lastActivity().toEpochMilli());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
