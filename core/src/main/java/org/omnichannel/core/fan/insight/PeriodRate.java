package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.IdentityType;

import java.time.LocalDate;
import java.util.Map;

/**
 * The anonymous-order rate of one period, for one offline channel or (channelId null) all of them.
 *
 * @param periodStart           the first day of the period
 * @param orders                offline orders placed in the period (cancelled ones left out)
 * @param anonymous             of which no event linked to a fan
 * @param rate                  anonymous / orders, 0..1
 * @param changeFromPrevious    rate minus the previous period's rate (of this channel), or null for
 *                              the first period
 * @param linkedBySource        linked orders per identity type seen on the linking event (an order
 *                              linked by an Alipay user id and a loyalty card counts for both)
 * @param linkedWithoutIdentity linked orders whose linking events carried no identity (the fan was
 *                              picked by hand)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeriodRate(String channelId, LocalDate periodStart, long orders, long anonymous, double rate,
                         Double changeFromPrevious, Map<IdentityType, Long> linkedBySource,
                         long linkedWithoutIdentity) {
}
