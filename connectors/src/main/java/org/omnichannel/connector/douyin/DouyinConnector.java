package org.omnichannel.connector.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Douyin Open Platform (抖音开放平台) webhooks
 * (https://developer.open-douyin.com/docs/resource/zh-CN/dop/develop/webhooks/summarize).
 *
 * <p><b>Verification.</b> {@code X-Douyin-Signature} is the lower-case hex SHA-1 of the app's
 * {@code client_secret} (the channel's secret {@code clientSecret}) immediately followed by the raw body
 * bytes: a plain concatenation, no HMAC and no timestamp. It is recomputed over the bytes received and
 * compared in constant time. When the channel has the setting {@code clientKey}, a body naming another
 * {@code client_key} is refused (the URL check sends an empty one, which is allowed).
 *
 * <p><b>URL check.</b> Douyin POSTs {@code {"event":"verify_webhook","content":{"challenge":12345}}};
 * {@link #handshake} answers 200 {@code {"challenge":12345}}, echoing the value, but only when the
 * request is signed with the channel's secret (the docs' sample signs exactly that body), so a stranger
 * cannot make the hub answer for the channel.
 *
 * <p><b>Mapping.</b> Real events carry {@code content} as a JSON <em>string</em>; it is parsed here. The
 * {@code Msg-Id} header is the same for every delivery of one action on one entity, so it is the event's
 * external id: Douyin's retries (5 s timeout, 3 retries) and duplicates collapse into one eventId. See
 * {@link DouyinOrderMapper} for the events mapped; other events are acknowledged and reported unsupported.
 */
public final class DouyinConnector implements Connector {

    public static final String SYSTEM = "douyin";
    public static final String SIGNATURE_HEADER = "X-Douyin-Signature";
    static final String VERIFY_WEBHOOK = "verify_webhook";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        if (!request.method().equals("POST") || !looksLikeVerifyWebhook(request.body())) {
            return Optional.empty();
        }
        JsonNode body = JsonBodies.object(request, "douyin verify_webhook");
        if (!VERIFY_WEBHOOK.equals(JsonBodies.text(body, "event"))) {
            return Optional.empty();
        }
        Verification verification = verify(request, channel);
        if (!verification.isVerified()) {
            return Optional.of(ConnectorResponse.text(401, ((Verification.Rejected) verification).reason()));
        }
        JsonNode challenge = body.path("content").path("challenge");
        if (!challenge.isIntegralNumber() && !(challenge.isTextual() && challenge.asText().matches("[A-Za-z0-9_-]{1,64}"))) {
            return Optional.of(ConnectorResponse.text(400, "verify_webhook content.challenge is missing or not a number"));
        }
        ObjectNode answer = JsonBodies.mapper().createObjectNode();
        answer.set("challenge", challenge);
        return Optional.of(ConnectorResponse.json(200, answer.toString()));
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + " header");
        }
        byte[] expected = sha1(channel.secrets().require("clientSecret").getBytes(StandardCharsets.UTF_8), request.body());
        if (!Signatures.equal(expected, Signatures.fromHex(signature.trim()))) {
            return Verification.rejected(SIGNATURE_HEADER + " does not match the body");
        }
        Optional<String> clientKey = channel.setting("clientKey");
        if (clientKey.isPresent()) {
            String sent = clientKeyOf(request);
            if (sent != null && !sent.equals(clientKey.get())) {
                return Verification.rejected("body is for client_key '" + sent + "' but the channel is for '"
                        + clientKey.get() + "'");
            }
        }
        return Verification.ok();
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode body = JsonBodies.object(request, "douyin webhook");
        String event = JsonBodies.requireText(body, "event", "body");
        if (VERIFY_WEBHOOK.equals(event)) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE,
                    "douyin verify_webhook is a URL check, answered by the handshake");
        }
        DouyinEnvelope envelope = DouyinEnvelope.of(request, body, channel);
        return DouyinOrderMapper.map(event, envelope);
    }

    /** SHA-1 over {@code secret || body}, as Douyin computes it. */
    static byte[] sha1(byte[] secret, byte[] body) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(secret);
            return sha1.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is unavailable", e);
        }
    }

    private static boolean looksLikeVerifyWebhook(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).contains(VERIFY_WEBHOOK);
    }

    private static String clientKeyOf(InboundRequest request) {
        try {
            return JsonBodies.text(JsonBodies.object(request, "douyin webhook"), "client_key");
        } catch (BadPayloadException e) {
            return null; // map() reports the bad body with its reason
        }
    }
}
