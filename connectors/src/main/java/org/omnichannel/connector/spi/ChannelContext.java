package org.omnichannel.connector.spi;

import org.omnichannel.core.event.ChannelKind;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The configured channel a request arrived on: what a connector needs besides the request.
 *
 * @param channelId the channel's id in the hub configuration
 * @param kind      which of the five kinds of channel it is
 * @param system    the connector's system id
 * @param settings  non-secret settings (an appid, the notification URL, a default phone region...)
 * @param secrets   the channel's secrets, resolved from the environment or a secrets file
 */
public record ChannelContext(String channelId, ChannelKind kind, String system, Map<String, String> settings,
                             Secrets secrets) {

    public ChannelContext {
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("channelId is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("channel '" + channelId + "' has no kind");
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        secrets = secrets == null ? Secrets.none() : secrets;
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(v -> !v.isBlank());
    }

    /** A required setting; the message names the channel, the setting and where to set it. */
    public String requiredSetting(String name) {
        return setting(name).orElseThrow(() -> new IllegalStateException(
                "channel '" + channelId + "' has no setting '" + name + "': add it under settings: in the channels file"));
    }

    /**
     * How far a signed timestamp may be from now: the setting {@code toleranceSeconds}, or the
     * vendor's default. A value that is not a whole number of seconds fails with a message naming the
     * channel and the setting.
     */
    public Duration tolerance(Duration vendorDefault) {
        return setting("toleranceSeconds").map(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                return Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("channel '" + channelId + "' has toleranceSeconds '" + value
                        + "': set it to a whole number of seconds, e.g. 300");
            }
        }).orElse(vendorDefault);
    }
}
