package org.omnichannel.core.fan.insight;

import java.time.Instant;

/**
 * A fan's consent to one purpose on one channel, as the channel last reported it.
 *
 * @param channelId the channel that reported it
 * @param purpose   the purpose as the channel names it ("email", "sms", "wechat", "marketing"...)
 * @param granted   true = granted, false = refused
 * @param at        when the channel reported it
 */
public record Consent(String channelId, String purpose, boolean granted, Instant at) {
}
