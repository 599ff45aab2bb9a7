package org.omnichannel.connector.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Verification;

import java.time.Clock;
import java.time.Duration;

/**
 * WeChat Pay API v3 notifications (回调通知): signed by {@link WechatPaySignature}, the resource
 * decrypted by {@link WechatPayResource}, mapped by {@link WechatPayNotificationMapper}.
 *
 * <p>Channel configuration: secret {@code apiV3Key} (the merchant's APIv3 key); the trusted keys as
 * described in {@link WechatPayKeys}; setting {@code toleranceSeconds} (default 300, WeChat Pay's own);
 * setting {@code currency} for refunds (default CNY). The acknowledgement is HTTP 200 with
 * {@code {"code":"SUCCESS","message":"成功"}}.
 */
public final class WechatPayConnector implements Connector {

    public static final String SYSTEM = "wechatpay";
    static final ConnectorResponse SUCCESS = ConnectorResponse.json(200, "{\"code\":\"SUCCESS\",\"message\":\"成功\"}");
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public WechatPayConnector() {
        this(Clock.systemUTC());
    }

    WechatPayConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        return WechatPaySignature.verify(request, WechatPayKeys.of(channel), clock.instant(),
                channel.tolerance(DEFAULT_TOLERANCE));
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode envelope = JsonBodies.object(request, SYSTEM);
        JsonNode resource = envelope.path("resource");
        if (!resource.isObject()) {
            throw new BadPayloadException("WeChat Pay notification has no 'resource' object");
        }
        String algorithm = WechatPayNotificationMapper.text(resource, "algorithm", "resource");
        if (!algorithm.equals("AEAD_AES_256_GCM")) {
            throw new BadPayloadException("resource.algorithm '" + algorithm + "' is not AEAD_AES_256_GCM");
        }
        String ciphertext = WechatPayNotificationMapper.text(resource, "ciphertext", "resource");
        String nonce = WechatPayNotificationMapper.text(resource, "nonce", "resource");
        byte[] plain = WechatPayResource.decrypt(channel.secrets().require("apiV3Key"), nonce,
                resource.path("associated_data").asText(""), ciphertext);
        return WechatPayNotificationMapper.map(envelope, plain, channel, request.receivedAt(), SUCCESS);
    }
}
