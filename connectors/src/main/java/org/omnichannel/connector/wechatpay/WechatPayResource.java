package org.omnichannel.connector.wechatpay;

import org.omnichannel.connector.spi.BadPayloadException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the {@code resource} of a notification: AEAD_AES_256_GCM with the merchant's APIv3 key (its
 * UTF-8 bytes), the resource's nonce as IV and its associated_data as AAD; the last 16 bytes of the
 * Base64 ciphertext are the tag. Real APIv3 keys are 32 characters (AES-256); 16- and 24-character keys
 * are accepted too because WeChat Pay's own published test vector uses a 16-character key.
 */
final class WechatPayResource {

    private static final int TAG_BITS = 128;

    private WechatPayResource() {
    }

    static byte[] decrypt(String apiV3Key, String nonce, String associatedData, String ciphertext) {
        byte[] key = apiV3Key.getBytes(StandardCharsets.UTF_8);
        if (key.length != 32 && key.length != 16 && key.length != 24) {
            throw new IllegalStateException("the APIv3 key must be 32 characters (AES-256), but it has " + key.length);
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("resource.ciphertext is not Base64");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
            if (associatedData != null && !associatedData.isEmpty()) {
                cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new BadPayloadException("resource could not be decrypted: the GCM tag does not match"
                    + " (wrong APIv3 key, or a tampered ciphertext, nonce or associated_data)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadPayloadException("resource could not be decrypted: " + e.getMessage());
        }
    }
}
