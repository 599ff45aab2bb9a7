package org.omnichannel.hub.sqs;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One SQS message of a channel's queue: handed to the channel's connector as
 * {@code new InboundRequest("SQS", queueUrl, headers, Map.of(), body, receivedAt)}, verified, mapped, what it
 * names queued for fetching and its own events (e.g. Amazon's stock changes) published; the route succeeds
 * only once the broker acknowledged all of it, and only then does the aws2-sqs consumer delete the message
 * ({@code deleteAfterRead}). When Kafka does not acknowledge, this throws: the exchange fails, the message is
 * not deleted and SQS makes it visible again after its visibility timeout.
 *
 * <p>A message that fails verification or cannot be read is quarantined on omni.raw with the reason and then
 * deleted: it can never succeed, and SQS would otherwise redeliver it forever (or to its dead-letter queue).
 */
final class SqsHandler implements Processor {

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

    SqsHandler(ChannelRegistry channels, FetchIntake intake, InboundPublisher publisher, HubMetrics metrics, Clock clock) {
        this.channels = channels;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
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
            quarantine(channelId, raw, "not accepted as a notification: " + rejected.reason());
            return;
        }
        MappingResult mapped;
        List<FetchRef> refs;
        try {
            mapped = channel.connector().map(request, channel.context());
            refs = FetchIntake.references(channel, request);
        } catch (BadPayloadException e) {
            metrics.rejected(channelId, "payload");
            quarantine(channelId, raw, e.getMessage());
            return;
        }
        await(intake.accept(channelId, raw, mapped.events(), refs, request.receivedAt()), channelId);
        metrics.received(channelId, mapped.events().size());
        LOG.debug("channel '{}': SQS message {} queued: {} event(s), {} to fetch", channelId, messageId,
                mapped.events().size(), refs.size());
    }

    private void quarantine(String channelId, RawBody raw, String reason) {
        LOG.warn("channel '{}': SQS message quarantined on omni.raw as {} and deleted: {}", channelId, raw.key(), reason);
        await(publisher.quarantine(raw, reason), channelId);
    }

    private static void await(Future<Void> queued, String channelId) {
        try {
            queued.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("channel '" + channelId + "': Kafka did not acknowledge; the SQS message stays "
                    + "in the queue and comes back after its visibility timeout: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an SQS message", e);
        }
    }
}
