package org.omnichannel.hub.fetch;

import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ingress.RawBody;
import org.omnichannel.hub.ingress.RawReferences;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The queueing half of fetch-on-notify, shared by every way a notification arrives (webhook, SQS): a
 * verified request's own events and raw body go to omni.inbound / omni.raw as usual, and the objects it
 * only names go to {@value FetchTopics#FETCH}; the future completes when the broker has all of them, and
 * only then is the vendor acknowledged. The fetch itself happens later, in {@link FetchConsumer}.
 */
public final class FetchIntake {

    private final FetchQueue queue;
    private final InboundPublisher publisher;

    public FetchIntake(FetchQueue queue, InboundPublisher publisher) {
        this.queue = queue;
        this.publisher = publisher;
    }

    /**
     * What a verified request names to fetch; empty when the channel's connector has no fetch source.
     *
     * @throws org.omnichannel.connector.spi.BadPayloadException when the connector cannot read the request
     */
    public static List<FetchRef> references(ChannelRegistry.Channel channel, InboundRequest request) {
        return channel.connector().fetchSource().map(source -> source.references(request, channel.context())).orElse(List.of());
    }

    /** True when the channel's connector fetches what its notifications name. */
    public static boolean fetches(ChannelRegistry.Channel channel) {
        return channel.connector().fetchSource().isPresent();
    }

    /** Publishes the raw body and events (pointed at the raw body) and queues the references; completes when all are on the broker. */
    public CompletableFuture<Void> accept(String channelId, RawBody raw, List<ChannelEvent> events, List<FetchRef> refs,
                                          Instant receivedAt) {
        List<ChannelEvent> attached = events.stream().map(event -> RawReferences.attach(event, raw)).toList();
        return CompletableFuture.allOf(publisher.publish(raw, attached), queue.queue(channelId, refs, receivedAt));
    }

    /** Queues references a poll found (no raw body: the poll is the hub's own request). */
    public CompletableFuture<Void> queue(String channelId, List<FetchRef> refs, Instant receivedAt) {
        return queue.queue(channelId, refs, receivedAt);
    }

    static FetchSource sourceOf(ChannelRegistry.Channel channel) {
        return channel.connector().fetchSource().orElseThrow(() -> new IllegalStateException("channel '" + channel.id()
                + "' (system " + channel.context().system() + ") has no fetch source"));
    }
}
