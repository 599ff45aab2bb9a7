package org.omnichannel.connector.ebay;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An eBay notification signing key, as {@code GET /commerce/notification/v1/public_key/{kid}} answers it:
 * {@code {"algorithm":"ECDSA","digest":"SHA1","key":"-----BEGIN PUBLIC KEY-----MFkw...-----END PUBLIC KEY-----"}}.
 *
 * @param digest the digest eBay names for the key (SHA1 or SHA256)
 */
public record EbayPublicKey(String kid, PublicKey key, String digest) {

    public EbayPublicKey {
        if (kid == null || kid.isBlank() || key == null) {
            throw new IllegalArgumentException("an eBay public key needs a kid and a key");
        }
        digest = digest == null ? null : digest.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Reads eBay's PEM, which comes with no line breaks between the armour and the Base64 ("-----BEGIN
     * PUBLIC KEY-----MFkw...-----END PUBLIC KEY-----"), or with them, as in the SDK test data.
     *
     * @throws IllegalArgumentException when it is not an EC public key in SubjectPublicKeyInfo form
     */
    public static EbayPublicKey fromPem(String kid, String pem, String digest) {
        if (pem == null) {
            throw new IllegalArgumentException("eBay public key " + kid + " has no key");
        }
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return new EbayPublicKey(kid, KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)), digest);
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("eBay public key " + kid + " is not an EC public key in PEM form", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("EC keys are unavailable", e);
        }
    }
}
