package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about a fan as of an instant: the value index, the lifecycle stage with
 * the transition that moved the fan there, and the aggregates behind them.
 *
 * @param transition    the transition into {@code stage}
 * @param everIronFan   true once the fan has been an IRON_FAN (the retention rule needs it)
 * @param netSpendMinor orders minus cancellations and refunds per currency, minor units, lifetime
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FanInsight(String fanId, ValueIndex index, LifecycleStage stage, LifecycleTransition transition,
                         boolean everIronFan, int orders, int interactions, Set<ChannelKind> channelKinds,
                         Set<String> channels, Instant lastActivity, Map<String, Long> netSpendMinor) {
}
