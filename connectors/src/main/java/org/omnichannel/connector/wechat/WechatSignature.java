package org.omnichannel.connector.wechat;

import org.omnichannel.connector.spi.Signatures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * WeChat's URL signatures: lower-case hex SHA-1 of the parts (token, timestamp, nonce, and in safe
 * mode the Encrypt text or echostr) sorted as plain strings and concatenated without separators.
 */
final class WechatSignature {

    private WechatSignature() {
    }

    static String of(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return java.util.HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    /** Constant-time check of a hex signature the request carried against the parts. */
    static boolean matches(String given, String... parts) {
        return given != null && Signatures.equal(Signatures.fromHex(of(parts)), Signatures.fromHex(given.trim()));
    }
}
