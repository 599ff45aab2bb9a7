package org.omnichannel.connector.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature helpers shared by connectors; every comparison runs in constant time. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static byte[] hmacSha256(String key, byte[] data) {
        return hmacSha256(key.getBytes(StandardCharsets.UTF_8), data);
    }

    /** Constant-time comparison of two byte arrays (false when either is null). */
    public static boolean equal(byte[] expected, byte[] actual) {
        return expected != null && actual != null && MessageDigest.isEqual(expected, actual);
    }

    /** Decodes lower- or upper-case hex, or returns null when it is not hex. */
    public static byte[] fromHex(String hex) {
        if (hex == null) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes standard Base64, or returns null when it is not Base64. */
    public static byte[] fromBase64(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /**
     * Whether a signed instant is within the tolerance of now, either way; a rejection names
     * {@code what} ("timestamp", "transmission time") and both figures in seconds.
     */
    public static Verification fresh(String what, Instant signedAt, Instant now, Duration tolerance) {
        Duration skew = Duration.between(signedAt, now).abs();
        if (skew.compareTo(tolerance) > 0) {
            return Verification.rejected(what + " is " + skew.toSeconds() + " s away from now; tolerance is "
                    + tolerance.toSeconds() + " s");
        }
        return Verification.ok();
    }
}
