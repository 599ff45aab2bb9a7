package org.omnichannel.connector.alipay;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PublicKeys;
import org.omnichannel.connector.spi.Verification;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Alipay asynchronous notifications (异步通知): form-encoded POSTs signed with RSA2 over the sorted
 * parameters (see {@link AlipaySignature}), mapped by {@link AlipayNotificationMapper}.
 *
 * <p>Channel configuration: secret {@code alipayPublicKey} (the app's 支付宝公钥, PEM or the Base64 the
 * console shows, or the PEM of alipayCertPublicKey_RSA2.crt in certificate mode); setting
 * {@code appId} (optional but recommended: a notification for another app is refused, as Alipay's
 * docs require); setting {@code currency} (default CNY); setting {@code maxNotifyAgeHours}
 * (optional). Alipay signs no timestamp and retries for about 25 hours, so there is no tolerance by
 * default: replays are harmless because the eventId is derived from {@code trade_no}. A channel that
 * wants one sets {@code maxNotifyAgeHours} (more than 25) and notifications whose signed
 * {@code notify_time} is older are refused.
 *
 * <p>The hub must pass the raw form body: the signature covers the decoded values exactly as sent.
 * The acknowledgement is the plain-text body {@code success}; anything else makes Alipay retry.
 */
public final class AlipayConnector implements Connector {

    public static final String SYSTEM = "alipay";
    static final ConnectorResponse SUCCESS = ConnectorResponse.text(200, "success");

    private final Clock clock;

    public AlipayConnector() {
        this(Clock.systemUTC());
    }

    AlipayConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    /**
     * @throws org.omnichannel.connector.spi.BadPayloadException when the body is not a readable form
     *         (wrong content type, malformed escape): there is nothing whose signature could be checked
     */
    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        AlipayForm form = AlipayForm.read(request);
        PublicKey key = PublicKeys.rsa(channel.secrets().require("alipayPublicKey"),
                "secret 'alipayPublicKey' of channel '" + channel.channelId() + "'");
        Verification signature = AlipaySignature.verify(form, key);
        if (!signature.isVerified()) {
            return signature;
        }
        String appId = form.get("app_id").orElse("");
        if (channel.setting("appId").filter(expected -> !expected.equals(appId)).isPresent()) {
            return Verification.rejected("app_id '" + appId + "' is not the appId of channel '" + channel.channelId() + "'");
        }
        if (channel.setting("maxNotifyAgeHours").isPresent()) {
            Duration maxAge = Duration.ofHours(Long.parseLong(channel.setting("maxNotifyAgeHours").get().trim()));
            Instant notified = AlipayTimes.parse("notify_time", form.get("notify_time").orElse(""));
            Duration age = Duration.between(notified, clock.instant());
            if (age.compareTo(maxAge) > 0) {
                return Verification.rejected("notify_time is " + age.toHours() + " h old; channel '"
                        + channel.channelId() + "' accepts at most " + maxAge.toHours() + " h");
            }
        }
        return Verification.ok();
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        return AlipayNotificationMapper.map(AlipayForm.read(request), channel, request.receivedAt(), SUCCESS);
    }
}
