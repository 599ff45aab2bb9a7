package org.omnichannel.hub.poll;

import org.apache.camel.builder.RouteBuilder;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.fetch.FetchIntake;

import java.time.Clock;

/**
 * The route template {@value #TEMPLATE} for systems that must be polled, instantiated as {@code poll-<channelId>}
 * for every enabled channel whose connector has a fetch source and whose settings have
 * {@code pollIntervalSeconds} ({@link PollSettings}): a timer runs {@link Poller} for the channel.
 */
public final class PollRoutes extends RouteBuilder {

    public static final String TEMPLATE = "fetch-poll";

    private final ChannelRegistry channels;
    private final Poller poller;

    public PollRoutes(ChannelRegistry channels, FetchIntake intake, Watermarks watermarks, Clock clock) {
        this.channels = channels;
        this.poller = new Poller(channels, intake, watermarks, clock);
    }

    /** True when some enabled channel is to be polled. */
    public static boolean wanted(ChannelRegistry channels) {
        return channels.channels().stream().anyMatch(PollRoutes::polled);
    }

    private static boolean polled(ChannelRegistry.Channel channel) {
        return FetchIntake.fetches(channel) && PollSettings.wanted(channel.context());
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("channelId")
                .templateParameter("periodMs")
                .templateParameter("delayMs")
                .from("timer:omni-poll-{{channelId}}?period={{periodMs}}&delay={{delayMs}}")
                .setProperty(Poller.CHANNEL_PROPERTY, constant("{{channelId}}"))
                .process(poller);
        for (ChannelRegistry.Channel channel : channels.channels()) {
            if (!polled(channel)) {
                continue;
            }
            PollSettings settings = PollSettings.of(channel.context());
            templatedRoute(TEMPLATE)
                    .routeId("poll-" + channel.id())
                    .parameter("channelId", channel.id())
                    .parameter("periodMs", String.valueOf(settings.interval().toMillis()))
                    .parameter("delayMs", String.valueOf(Math.max(1, settings.delay().toMillis())));
        }
    }
}
