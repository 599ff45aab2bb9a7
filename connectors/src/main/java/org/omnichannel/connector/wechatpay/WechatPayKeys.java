package org.omnichannel.connector.wechatpay;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.PublicKeys;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a channel trusts for WeChat Pay signatures, by the {@code Wechatpay-Serial} that names them:
 * platform certificates (secret {@code platformCertificates}, one or more PEM certificates, each found
 * by its serial number in hex) and/or the "微信支付公钥" (secret {@code wechatpayPublicKey}, PEM or
 * Base64, found by setting {@code wechatpayPublicKeyId}, e.g. PUB_KEY_ID_0114232134912410000000000000).
 * Several may be configured at once while WeChat Pay rotates them. Certificate validity dates are not
 * checked: which keys are trusted is decided by this configuration.
 */
record WechatPayKeys(Map<String, PublicKey> bySerial) {

    WechatPayKeys {
        bySerial = Map.copyOf(bySerial);
    }

    static WechatPayKeys of(ChannelContext channel) {
        Map<String, PublicKey> keys = new HashMap<>();
        String where = " of channel '" + channel.channelId() + "'";
        channel.secrets().get("platformCertificates").ifPresent(pem -> {
            for (X509Certificate certificate : PublicKeys.certificates(pem, "secret 'platformCertificates'" + where)) {
                keys.put(PublicKeys.serialHex(certificate), certificate.getPublicKey());
            }
        });
        channel.secrets().get("wechatpayPublicKey").ifPresent(pem -> keys.put(
                channel.requiredSetting("wechatpayPublicKeyId").trim(),
                PublicKeys.rsa(pem, "secret 'wechatpayPublicKey'" + where)));
        if (keys.isEmpty()) {
            throw new IllegalStateException("channel '" + channel.channelId() + "' has no WeChat Pay key: set secret "
                    + "'platformCertificates' (PEM) or secret 'wechatpayPublicKey' with setting 'wechatpayPublicKeyId'");
        }
        return new WechatPayKeys(keys);
    }

    Optional<PublicKey> find(String serial) {
        PublicKey exact = bySerial.get(serial.trim());
        return exact != null ? Optional.of(exact) : Optional.ofNullable(bySerial.get(PublicKeys.normaliseSerial(serial)));
    }
}
