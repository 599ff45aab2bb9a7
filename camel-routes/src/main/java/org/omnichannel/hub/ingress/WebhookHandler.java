package org.omnichannel.hub.ingress;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.support.AsyncProcessorSupport;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.fetch.FetchIntake;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The work of a webhook route: look the channel up, answer a handshake, verify the signature
 * (401 at once, nothing stored), map to events (400 naming what is wrong, the raw body
 * quarantined on omni.raw), then queue the raw body and the events on Kafka and answer the
 * connector's acknowledgement only once the broker acknowledged every record (503 when it could
 * not, so the vendor retries). Asynchronous: no Vert.x or Camel thread waits for the broker.
 */
public final class WebhookHandler extends AsyncProcessorSupport {

    /** The exchange property naming the channel of the route (set by the route template). */
    public static final String CHANNEL_PROPERTY = "omni.channelId";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final Set<String> DEFAULT_MEDIA_TYPES = Set.of("application/json", "application/x-www-form-urlencoded",
            "application/xml", "text/xml", "text/plain");

    private final ChannelRegistry channels;
    private final InboundPublisher publisher;
    private final HubMetrics metrics;
    private final String publicBaseUrl;
    private final Clock clock;
    private final long maxBodyBytes;
    private final FetchIntake intake;
    private final Map<String, Set<String>> mediaTypes = new ConcurrentHashMap<>();

    public WebhookHandler(ChannelRegistry channels, InboundPublisher publisher, HubMetrics metrics, String publicBaseUrl,
                          Clock clock, long maxBodyBytes) {
        this(channels, publisher, metrics, publicBaseUrl, clock, maxBodyBytes, null);
    }

    /**
     * @param intake where the objects a notification only names are queued for fetching (channels whose
     *               connector has a fetch source); null: such references are not looked for
     */
    public WebhookHandler(ChannelRegistry channels, InboundPublisher publisher, HubMetrics metrics, String publicBaseUrl,
                          Clock clock, long maxBodyBytes, FetchIntake intake) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
        this.channels = channels;
        this.publisher = publisher;
        this.metrics = metrics;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String channelId = exchange.getProperty(CHANNEL_PROPERTY, String.class);
        ChannelRegistry.Channel channel = channels.find(channelId).orElse(null);
        if (channel == null) {
            answer(exchange, ConnectorResponse.text(404, "no channel '" + channelId + "'\n"));
            return done(callback);
        }
        HttpServerRequest vertxRequest = WebhookRequests.vertxRequest(exchange);
        Instant receivedAt = clock.instant();
        RequestBodies.read(vertxRequest, maxBodyBytes).whenComplete((body, error) -> {
            if (error != null) {
                boolean tooLarge = error instanceof RequestBodies.TooLarge;
                metrics.rejected(channelId, tooLarge ? "too-large" : "unreadable");
                answer(exchange, ConnectorResponse.text(tooLarge ? 413 : 400, error.getMessage() + "\n"));
                // The rest of the body is not read: close the connection rather than drain it.
                vertxRequest.response().putHeader("Connection", "close");
                callback.done(false);
                return;
            }
            try {
                InboundRequest request = WebhookRequests.from(vertxRequest, body, publicBaseUrl, receivedAt);
                if (handle(exchange, callback, channel, request)) {
                    callback.done(false);
                }
            } catch (Throwable unexpected) {
                // Inside a completion stage an Error would vanish and the vendor would wait for an answer
                // until it times out: answer 500 (the vendor retries) and say what happened.
                LOG.error("channel '{}': webhook failed unexpectedly", channelId, unexpected);
                metrics.rejected(channelId, "internal-error");
                answer(exchange, ConnectorResponse.text(500, "the hub failed to handle this webhook; retry later\n"));
                callback.done(false);
            }
        });
        return false;
    }

    /** Handles a request whose body has been read; true when it answered synchronously. */
    private boolean handle(Exchange exchange, AsyncCallback callback, ChannelRegistry.Channel channel, InboundRequest request) {
        String channelId = channel.id();
        try {
            var handshake = channel.connector().handshake(request, channel.context());
            if (handshake.isPresent()) {
                answer(exchange, handshake.get());
                return true;
            }
        } catch (RuntimeException e) {
            LOG.warn("channel '{}': handshake failed: {}", channelId, e.getMessage());
            metrics.rejected(channelId, "handshake");
            answer(exchange, ConnectorResponse.text(400, "handshake refused: " + e.getMessage() + "\n"));
            return true;
        }
        if (!"POST".equals(request.method())) {
            answer(exchange, ConnectorResponse.text(405, "only POST carries events; this channel has no " + request.method()
                    + " handshake\n"));
            return true;
        }
        String mediaType = request.mediaType();
        Set<String> accepted = acceptedMediaTypes(channel);
        if (!accepted.contains(mediaType)) {
            metrics.rejected(channelId, "media-type");
            answer(exchange, ConnectorResponse.text(415, "Content-Type '" + mediaType + "' is not accepted here; send one of "
                    + String.join(", ", accepted.stream().sorted().toList()) + "\n"));
            return true;
        }
        Verification verdict = channel.connector().verify(request, channel.context());
        if (verdict instanceof Verification.Rejected rejected) {
            metrics.rejected(channelId, "signature");
            LOG.warn("channel '{}': refused a request that failed verification: {}", channelId, rejected.reason());
            answer(exchange, ConnectorResponse.text(401, "signature check failed: " + rejected.reason() + "\n"));
            return true;
        }
        RawBody raw = RawBody.of(channelId, request.body(), request.header("Content-Type"), request.receivedAt());
        MappingResult mapped;
        List<FetchRef> refs;
        try {
            mapped = channel.connector().map(request, channel.context());
            refs = intake == null ? List.of() : FetchIntake.references(channel, request);
        } catch (BadPayloadException e) {
            return quarantine(exchange, callback, channelId, raw, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("channel '{}': connector '{}' failed on a verified request", channelId, channel.context().system(), e);
            return quarantine(exchange, callback, channelId, raw, "the connector could not read the payload ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<ChannelEvent> events = mapped.events().stream().map(event -> RawReferences.attach(event, raw)).toList();
        // Objects the notification only names are queued for the fetch consumer, with the raw body and events.
        CompletableFuture<Void> queued = refs.isEmpty() ? publisher.publish(raw, events)
                : intake.accept(channelId, raw, events, refs, request.receivedAt());
        queued.whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.error("channel '{}': could not queue {} event(s) on Kafka: {}", channelId, events.size(), error.getMessage());
                metrics.rejected(channelId, "queue-unavailable");
                answer(exchange, ConnectorResponse.text(503, "the hub could not queue the events; retry later\n"));
            } else {
                metrics.received(channelId, events.size());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("channel '{}': queued events {}", channelId, events.stream().map(ChannelEvent::eventId).toList());
                }
                answer(exchange, mapped.acknowledgement());
            }
            callback.done(false);
        });
        return false;
    }

    private boolean quarantine(Exchange exchange, AsyncCallback callback, String channelId, RawBody raw, String reason) {
        metrics.rejected(channelId, "payload");
        LOG.warn("channel '{}': unreadable payload quarantined on omni.raw as {}: {}", channelId, raw.key(), reason);
        publisher.quarantine(raw, reason).whenComplete((ignored, error) -> {
            answer(exchange, ConnectorResponse.text(400, "payload refused: " + reason + "\n"));
            callback.done(false);
        });
        return false;
    }

    /** The channel's accepted media types, read from its settings once (channels do not change while the hub runs). */
    private Set<String> acceptedMediaTypes(ChannelRegistry.Channel channel) {
        return mediaTypes.computeIfAbsent(channel.id(), id -> channel.context().setting("contentTypes")
                .map(list -> Set.of(list.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*")))
                .orElse(DEFAULT_MEDIA_TYPES));
    }

    private static boolean done(AsyncCallback callback) {
        callback.done(true);
        return true;
    }

    private static void answer(Exchange exchange, ConnectorResponse response) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        }
        message.setBody(response.body().length == 0 ? null : response.body());
    }
}
