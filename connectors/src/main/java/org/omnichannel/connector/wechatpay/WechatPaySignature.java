package org.omnichannel.connector.wechatpay;

import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;

/**
 * WeChat Pay API v3 notification signatures: SHA256withRSA over
 * {@code timestamp + "\n" + nonce + "\n" + rawBody + "\n"}, with the key that {@code Wechatpay-Serial}
 * names. The timestamp must be less than the tolerance (5 minutes) away from now, and WeChat Pay's
 * signature probes ({@code WECHATPAY/SIGNTEST/...}) must fail, as WeChat Pay expects.
 */
final class WechatPaySignature {

    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
    static final String PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

    private WechatPaySignature() {
    }

    static Verification verify(InboundRequest request, WechatPayKeys keys, Instant now, Duration tolerance) {
        String timestamp = request.header(TIMESTAMP);
        String nonce = request.header(NONCE);
        String signature = request.header(SIGNATURE);
        String serial = request.header(SERIAL);
        for (String[] header : new String[][]{{TIMESTAMP, timestamp}, {NONCE, nonce}, {SIGNATURE, signature},
                {SERIAL, serial}}) {
            if (header[1] == null || header[1].isBlank()) {
                return Verification.rejected("missing " + header[0] + " header");
            }
        }
        String type = request.header(SIGNATURE_TYPE);
        if (type != null && !type.equals("WECHATPAY2-SHA256-RSA2048")) {
            return Verification.rejected(SIGNATURE_TYPE + " '" + type + "' is not WECHATPAY2-SHA256-RSA2048");
        }
        if (signature.startsWith(PROBE_PREFIX)) {
            return Verification.rejected("signature probe (" + PROBE_PREFIX + "): refused, as WeChat Pay expects");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verification.rejected(TIMESTAMP + " is not a number of Unix seconds");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (skew.compareTo(tolerance) >= 0) {
            return Verification.rejected("timestamp is " + skew.toSeconds() + " s away from now; tolerance is "
                    + tolerance.toSeconds() + " s");
        }
        PublicKey key = keys.find(serial).orElse(null);
        if (key == null) {
            return Verification.rejected(SERIAL + " '" + serial
                    + "' names no configured platform certificate or WeChat Pay public key");
        }
        byte[] signatureBytes = Signatures.fromBase64(signature);
        if (signatureBytes == null) {
            return Verification.rejected(SIGNATURE + " is not Base64");
        }
        return matches(key, message(timestamp, nonce, request.body()), signatureBytes)
                ? Verification.ok()
                : Verification.rejected(SIGNATURE + " does not match the body");
    }

    /** The signed message: three LF-terminated lines, the body as the raw bytes received. */
    static byte[] message(String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        out.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }

    static boolean matches(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a mismatch
        }
    }
}
