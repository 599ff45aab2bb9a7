package org.omnichannel.connector.wechat;

import org.omnichannel.connector.spi.BadPayloadException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe mode (安全模式) decryption: AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's
 * first 16 bytes, PKCS#7 padding to a 32-byte block (so the padding is stripped here, not by a 16-byte
 * unpadder); the plaintext is 16 random bytes, a 4-byte big-endian length, the message, then the
 * receiver id (the official account's appid), which must be this channel's.
 */
final class WechatCrypto {

    private final byte[] key;

    WechatCrypto(String encodingAesKey) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encodingAesKey.trim() + "=");
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("the EncodingAESKey must be the 43 characters the WeChat console shows");
        }
        this.key = decoded;
    }

    /** The message inside an Encrypt text, after checking that it was sealed for {@code appId}. */
    String open(String encrypted, String appId) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(encrypted.trim().replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("Encrypt is not Base64");
        }
        byte[] padded;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            padded = cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new BadPayloadException("Encrypt could not be decrypted: " + e.getMessage());
        }
        int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || pad > padded.length - 20) {
            throw new BadPayloadException("Encrypt has invalid padding: wrong EncodingAESKey?");
        }
        ByteBuffer plain = ByteBuffer.wrap(padded, 0, padded.length - pad);
        plain.position(16);
        int length = plain.getInt();
        if (length < 0 || length > plain.remaining()) {
            throw new BadPayloadException("Encrypt holds a message length of " + length + " bytes that does not fit:"
                    + " wrong EncodingAESKey?");
        }
        byte[] message = new byte[length];
        plain.get(message);
        byte[] receiver = new byte[plain.remaining()];
        plain.get(receiver);
        String receiverId = new String(receiver, StandardCharsets.UTF_8);
        if (!receiverId.equals(appId)) {
            throw new BadPayloadException("the encrypted message is for '" + receiverId + "', not this channel's appId '"
                    + appId + "'");
        }
        return new String(message, StandardCharsets.UTF_8);
    }
}
