package org.omnichannel.hub.poll;

import org.omnichannel.connector.spi.ChannelContext;

import java.time.Duration;

/**
 * A channel's poll schedule, from its settings: {@code pollIntervalSeconds} turns polling on (Amazon's getOrders
 * allows one call a minute, burst 20: 120 or more); {@code pollDelaySeconds} (10) is the wait before the first
 * poll after start; {@code pollLookbackHours} (24) is how far back the very first poll of a channel looks, when
 * no watermark exists yet.
 */
record PollSettings(Duration interval, Duration delay, Duration lookback) {

    static boolean wanted(ChannelContext channel) {
        return channel.setting("pollIntervalSeconds").isPresent();
    }

    /** @throws IllegalStateException naming the channel and the setting */
    static PollSettings of(ChannelContext channel) {
        return new PollSettings(Duration.ofSeconds(number(channel, "pollIntervalSeconds", 0, 1)),
                Duration.ofSeconds(number(channel, "pollDelaySeconds", 10, 0)),
                Duration.ofHours(number(channel, "pollLookbackHours", 24, 0)));
    }

    private static long number(ChannelContext channel, String setting, long fallback, long min) {
        String value = channel.setting(setting).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("channel '" + channel.channelId() + "' setting " + setting + " '" + value
                + "' is not a whole number of at least " + min);
    }
}
