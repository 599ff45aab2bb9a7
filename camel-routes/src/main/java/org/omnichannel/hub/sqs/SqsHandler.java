package org.omnichannel.hub.sqs;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.fetch.FetchIntake;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ingress.RawBody;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One SQS message of a channel's queue: handed to the channel's connector as
 * {@code new InboundRequest("SQS", queueUrl, headers, Map.of(), body, receivedAt)}, verified, mapped, what it
 * names queued for fetching and its own events (e.g. Amazon's stock changes) published; the route succeeds
 * only once the broker acknowledged all of it, and only then does the aws2-sqs consumer delete the message
 * ({@code deleteAfterRead}). When Kafka does not acknowledge, this throws: the exchange fails, the message is
 * not deleted and SQS makes it visible again after its visibility timeout.
 *
 * <p>Asynchronous: the messages of one receive are queued at the same time, and each completes (and is deleted by
 * the component, an HTTP call to SQS) on the {@code completions} executor, never on Kafka's producer thread.
 *
 * <p>A message that fails verification or cannot be read is quarantined on omni.raw with the reason and then
 * deleted: it can never succeed, and SQS would otherwise redeliver it forever (or to its dead-letter queue).
 */
final class SqsHandler extends AsyncProcessorSupport {

    static final String CHANNEL_PROPERTY = "omni.channelId";
    static final String QUEUE_PROPERTY = "omni.queueUrl";
    /** The header carrying SQS's MessageId in the InboundRequest. */
    static final String MESSAGE_ID_HEADER = "SQS-MessageId";

    private static final Logger LOG = LoggerFactory.getLogger(SqsHandler.class);

    private final ChannelRegistry channels;
    private final FetchIntake intake;
    private final InboundPublisher publisher;
    private final HubMetrics metrics;
    private final Clock clock;
    private final Executor completions;

    SqsHandler(ChannelRegistry channels, FetchIntake intake, InboundPublisher publisher, HubMetrics metrics, Clock clock,
               Executor completions) {
        this.completions = completions;
        this.channels = channels;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> queued;
        try {
            queued = queue(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        queued.orTimeout(30, TimeUnit.SECONDS).whenCompleteAsync((ignored, error) -> {
            if (error != null) {
                exchange.setException(new IllegalStateException("channel '" + exchange.getProperty(CHANNEL_PROPERTY)
                        + "': Kafka did not acknowledge; the SQS message stays in the queue and comes back after its "
                        + "visibility timeout: " + error.getMessage(), error));
            }
            callback.done(false);
        }, completions);
        return false;
    }

    /** Verifies, maps and starts queueing one message; the future completes when the broker has all of it. */
    private CompletableFuture<Void> queue(Exchange exchange) {
        ChannelRegistry.Channel channel = channels.require(exchange.getProperty(CHANNEL_PROPERTY, String.class));
        String channelId = channel.id();
        String queueUrl = exchange.getProperty(QUEUE_PROPERTY, String.class);
        String text = exchange.getMessage().getBody(String.class);
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String messageId = exchange.getMessage().getHeader(Sqs2Constants.MESSAGE_ID, String.class);
        if (messageId != null) {
            headers.put(MESSAGE_ID_HEADER, List.of(messageId));
        }
        InboundRequest request = new InboundRequest("SQS", queueUrl, headers, Map.of(), body, clock.instant());
        RawBody raw = RawBody.of(channelId, body, "application/json", request.receivedAt());

        Verification verdict = channel.connector().verify(request, channel.context());
        if (verdict instanceof Verification.Rejected rejected) {
            metrics.rejected(channelId, "signature");
            return quarantine(channelId, raw, "not accepted as a notification: " + rejected.reason());
        }
        MappingResult mapped;
        List<FetchRef> refs;
        try {
            mapped = channel.connector().map(request, channel.context());
            refs = FetchIntake.references(channel, request);
        } catch (BadPayloadException e) {
            metrics.rejected(channelId, "payload");
            return quarantine(channelId, raw, e.getMessage());
        }
        int events = mapped.events().size();
        return intake.accept(channelId, raw, mapped.events(), refs, request.receivedAt()).thenRun(() -> {
            metrics.received(channelId, events);
            LOG.debug("channel '{}': SQS message {} queued: {} event(s), {} to fetch", channelId, messageId, events, refs.size());
        });
    }

    private CompletableFuture<Void> quarantine(String channelId, RawBody raw, String reason) {
        LOG.warn("channel '{}': SQS message quarantined on omni.raw as {} and deleted: {}", channelId, raw.key(), reason);
        return publisher.quarantine(raw, reason);
    }
}
