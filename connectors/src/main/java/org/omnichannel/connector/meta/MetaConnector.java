package org.omnichannel.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta webhooks for Facebook Pages, Messenger and Instagram
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started): comments and messages
 * become social INTERACTION events (see {@link MetaEntryMapper}).
 *
 * <p><b>Handshake.</b> Subscribing sends {@code GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..};
 * when the token equals the channel's secret {@code verifyToken} (constant-time) the challenge is
 * answered verbatim with 200, otherwise 403.
 *
 * <p><b>Verification.</b> {@code X-Hub-Signature-256: sha256=<hex>} is HMAC-SHA256 of the raw body
 * keyed with the App Secret (the channel's secret {@code webhookSecret}). Meta signs the
 * escaped-unicode form it sends ({@code &#92;u00e4}), so only the raw bytes verify. The legacy SHA-1
 * {@code X-Hub-Signature} alone is refused. No time is signed: replays are caught by the
 * deterministic eventId (comment id, message mid).
 *
 * <p><b>Fixture gap</b> (../shared/fixtures/meta/SPEC.md): no official vector and no openly licensed
 * payload exist. The only vector is computed (not official) and the payload shapes follow Meta's
 * documentation; our test payloads in src/test/resources/meta/ are built from those documented shapes.
 */
public final class MetaConnector implements Connector {

    public static final String SYSTEM = "meta";
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        if (!request.method().equals("GET") || request.queryParam("hub.mode") == null) {
            return Optional.empty();
        }
        String token = request.queryParam("hub.verify_token");
        String challenge = request.queryParam("hub.challenge");
        byte[] expected = channel.secrets().require("verifyToken").getBytes(StandardCharsets.UTF_8);
        boolean tokenMatches = token != null && Signatures.equal(expected, token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(request.queryParam("hub.mode")) || !tokenMatches) {
            return Optional.of(ConnectorResponse.text(403, "hub.verify_token does not match or hub.mode is not subscribe"));
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            return Optional.of(ConnectorResponse.text(400, "hub.challenge is missing or not a plain token"));
        }
        return Optional.of(ConnectorResponse.text(200, challenge));
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            return Verification.rejected(request.header("X-Hub-Signature") != null
                    ? "only the legacy X-Hub-Signature (SHA-1) was sent; " + SIGNATURE_HEADER + " is required"
                    : "missing " + SIGNATURE_HEADER + " header");
        }
        String value = header.trim();
        if (!value.startsWith("sha256=")) {
            return Verification.rejected(SIGNATURE_HEADER + " must start with sha256=");
        }
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), request.body());
        return Signatures.equal(expected, Signatures.fromHex(value.substring("sha256=".length())))
                ? Verification.ok()
                : Verification.rejected(SIGNATURE_HEADER + " does not match the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode body = JsonBodies.object(request, "meta");
        String object = JsonBodies.requireText(body, "object", "notification");
        if (!object.equals("page") && !object.equals("instagram")) {
            return MappingResult.unsupported("meta object '" + object + "' is not mapped; mapped objects: page, instagram");
        }
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new BadPayloadException("notification.entry is missing or not an array");
        }
        MetaEntryMapper mapper = new MetaEntryMapper(object, channel, request.receivedAt());
        try {
            for (int i = 0; i < entries.size(); i++) {
                mapper.entry(entries.get(i), "entry[" + i + "]");
            }
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("meta " + object + ": " + e.getMessage(), e);
        }
        return new MappingResult(mapper.events(), ConnectorResponse.text(200, "EVENT_RECEIVED"), mapper.skipped());
    }
}
