package org.omnichannel.connector.wechat;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WeChat Official Account (公众号) message pushes, XML or JSON, in plaintext or safe mode.
 * <ul>
 * <li><b>URL check</b> (GET with echostr): {@code signature} = SHA-1 of sorted [token, timestamp, nonce]
 *     → answer echostr. With {@code msg_signature} (safe-mode style, also WeCom): SHA-1 of sorted
 *     [token, timestamp, nonce, echostr], echostr decrypted → answer the plaintext.</li>
 * <li><b>Plaintext mode</b> POST: the same {@code signature} over the query only. WeChat does not sign
 *     the body in this mode, so anyone who saw one signed URL could post another body within the
 *     tolerance: use safe mode in production.</li>
 * <li><b>Safe mode</b> POST ({@code encrypt_type=aes}): {@code msg_signature} over [token, timestamp,
 *     nonce, Encrypt] covers the body; Encrypt is opened by {@link WechatCrypto}.</li>
 * </ul>
 * WeChat defines no timestamp tolerance; this connector refuses timestamps more than
 * {@code toleranceSeconds} (default 300) away from now, as WeChat retries within 15 s. Mapping:
 * {@link WechatMessageMapper}. The acknowledgement is the text {@code success} (no passive reply).
 *
 * <p>Channel configuration: setting {@code appId} (the namespace of openids, and the receiver id of
 * safe-mode messages), secret {@code token}, secret {@code encodingAesKey} (safe mode only).
 */
public final class WechatOaConnector implements Connector {

    public static final String SYSTEM = "wechat-oa";
    static final ConnectorResponse SUCCESS = ConnectorResponse.text(200, "success");
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public WechatOaConnector() {
        this(Clock.systemUTC());
    }

    WechatOaConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        String echostr = request.queryParam("echostr");
        if (!request.method().equals("GET") || echostr == null) {
            return Optional.empty();
        }
        String msgSignature = request.queryParam("msg_signature");
        if (msgSignature != null) {
            // An encrypted echostr is Base64: a space can only be a '+' that a form decoder turned into one.
            echostr = echostr.replace(' ', '+');
        }
        Verification verdict = msgSignature != null
                ? check(request, channel, msgSignature, echostr)
                : check(request, channel, request.queryParam("signature"), null);
        if (!verdict.isVerified()) {
            return Optional.of(ConnectorResponse.text(401, ((Verification.Rejected) verdict).reason()));
        }
        String answer = msgSignature != null
                ? crypto(channel).open(echostr, channel.requiredSetting("appId"))
                : echostr;
        return Optional.of(ConnectorResponse.text(200, answer));
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        if (isSafeMode(request)) {
            String msgSignature = request.queryParam("msg_signature");
            if (msgSignature == null) {
                return Verification.rejected("missing msg_signature query parameter (encrypt_type=aes)");
            }
            return check(request, channel, msgSignature, read(request).require("Encrypt"));
        }
        return check(request, channel, request.queryParam("signature"), null);
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        WechatMessage message = read(request);
        if (isSafeMode(request)) {
            message = WechatMessage.parse(crypto(channel).open(message.require("Encrypt"), channel.requiredSetting("appId")));
        }
        return WechatMessageMapper.map(message, channel, request.receivedAt(), SUCCESS);
    }

    /** The push's own fields, or its envelope in safe mode; refuses bodies no WeChat push comes near. */
    private static WechatMessage read(InboundRequest request) {
        if (request.body().length == 0) {
            throw new BadPayloadException("WeChat push body is empty");
        }
        if (request.body().length > JsonBodies.MAX_BODY_BYTES) {
            throw new BadPayloadException("WeChat push body is " + request.body().length + " bytes; the limit is "
                    + JsonBodies.MAX_BODY_BYTES);
        }
        return WechatMessage.parse(request.bodyAsString());
    }

    private static boolean isSafeMode(InboundRequest request) {
        return "aes".equalsIgnoreCase(request.queryParam("encrypt_type"));
    }

    /** Checks a signature over token, timestamp, nonce and (safe mode) the encrypted part. */
    private Verification check(InboundRequest request, ChannelContext channel, String signature, String encrypted) {
        String name = encrypted == null ? "signature" : "msg_signature";
        String timestamp = request.queryParam("timestamp");
        String nonce = request.queryParam("nonce");
        if (signature == null || signature.isBlank()) {
            return Verification.rejected("missing " + name + " query parameter");
        }
        if (timestamp == null || nonce == null) {
            return Verification.rejected("missing timestamp or nonce query parameter");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verification.rejected("timestamp is not a number of Unix seconds");
        }
        Verification fresh = Signatures.fresh("timestamp", Instant.ofEpochSecond(seconds), clock.instant(),
                channel.tolerance(DEFAULT_TOLERANCE));
        if (!fresh.isVerified()) {
            return fresh;
        }
        String token = channel.secrets().require("token");
        boolean valid = encrypted == null
                ? WechatSignature.matches(signature, token, timestamp, nonce)
                : WechatSignature.matches(signature, token, timestamp, nonce, encrypted);
        return valid ? Verification.ok() : Verification.rejected(name + " does not match");
    }

    private static WechatCrypto crypto(ChannelContext channel) {
        return new WechatCrypto(channel.secrets().require("encodingAesKey"));
    }
}
