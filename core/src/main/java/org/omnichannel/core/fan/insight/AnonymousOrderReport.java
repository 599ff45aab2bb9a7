package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.IdentityType;

import java.util.List;
import java.util.Map;

/**
 * The anonymous-order-rate KPI of the offline channels.
 *
 * @param granularity    the period length
 * @param overall        all offline channels together, one row per period, oldest first
 * @param byChannel      per offline channel, one row per period in which it had orders
 * @param trendPerPeriod least-squares slope of the overall rate per period (negative: falling)
 * @param linkedBySource over all periods, linked orders per identity source
 */
public record AnonymousOrderReport(PeriodGranularity granularity, List<PeriodRate> overall,
                                   Map<String, List<PeriodRate>> byChannel, double trendPerPeriod,
                                   Map<IdentityType, Long> linkedBySource) {
}
