package org.omnichannel.connector.generic;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.InvalidEventException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For systems we have no connector for: they POST canonical ChannelEvent JSON (one object, or an
 * array of them), signed like this:
 * <pre>
 * X-Omni-Timestamp: 1763604900                      (Unix seconds)
 * X-Omni-Signature: v1=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;[,v1=&lt;...&gt;]
 * </pre>
 * Several v1 values may be sent while a secret is rotated; one match is enough. Requests older or
 * newer than the tolerance (default 300 s, setting {@code toleranceSeconds}) are refused, so a
 * captured request cannot be replayed later. The secret is the channel's {@code webhookSecret}.
 */
public final class GenericConnector implements Connector {

    public static final String SYSTEM = "generic";
    public static final String TIMESTAMP_HEADER = "X-Omni-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Omni-Signature";
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public GenericConnector() {
        this(Clock.systemUTC());
    }

    GenericConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String timestamp = request.header(TIMESTAMP_HEADER);
        String signatures = request.header(SIGNATURE_HEADER);
        if (timestamp == null || signatures == null) {
            return Verification.rejected("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verification.rejected(TIMESTAMP_HEADER + " is not a number of Unix seconds");
        }
        Verification fresh = Signatures.fresh("timestamp", Instant.ofEpochSecond(seconds), clock.instant(),
                channel.tolerance(DEFAULT_TOLERANCE));
        if (!fresh.isVerified()) {
            return fresh;
        }
        byte[] signed = concat((timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), request.body());
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), signed);
        boolean matched = false;
        for (String part : signatures.split(",")) {
            String candidate = part.trim();
            if (candidate.startsWith("v1=")) {
                // No early exit: every candidate is compared, each in constant time.
                matched |= Signatures.equal(expected, Signatures.fromHex(candidate.substring(3)));
            }
        }
        return matched ? Verification.ok() : Verification.rejected("no v1 signature matches the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode document;
        try {
            document = ChannelEventJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new BadPayloadException("body is not JSON: " + e.getMessage());
        }
        if (document == null) {
            throw new BadPayloadException("body is empty: send one ChannelEvent object or an array of them");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (document.isArray()) {
            document.forEach(nodes::add);
        } else {
            nodes.add(document);
        }
        List<ChannelEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String where = document.isArray() ? "event [" + i + "]: " : "";
            ChannelEvent event;
            try {
                event = ChannelEventJson.read(nodes.get(i));
            } catch (InvalidEventException e) {
                throw new BadPayloadException(where + e.getMessage(), e);
            }
            if (!event.channelId().equals(channel.channelId()) || event.channelKind() != channel.kind()) {
                throw new BadPayloadException(where + "event is for channel '" + event.channelId() + "' ("
                        + event.channelKind() + ") but was posted to channel '" + channel.channelId() + "' ("
                        + channel.kind() + ")");
            }
            events.add(event);
        }
        return MappingResult.of(events);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
