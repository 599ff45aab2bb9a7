package org.omnichannel.connector.ebay;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Verifies a platform notification's {@code NotificationSignature}: Base64 of the MD5 digest of
 * {@code Timestamp + DevId + AppId + CertId}, where Timestamp is the body's {@code <Timestamp>} exactly as sent and
 * the three ids are the application keyset's (eBay KB article 1201, "Verifying the notification signature",
 * https://developer.ebay.com/support/kb-article?KBid=1201). The keyset comes from the channel's secrets
 * {@code devId}, {@code appId} and {@code certId}.
 *
 * <p>The expected and the received signature are compared as decoded bytes in constant time. The timestamp must
 * be within the channel's tolerance of now (setting {@code toleranceSeconds}, default {@value #DEFAULT_MINUTES}
 * minutes), so a captured notification cannot be replayed later: the signature covers nothing but the
 * timestamp and the keyset, so a fresh timestamp is what binds it to one delivery.
 */
final class EbayNotificationSignature {

    static final long DEFAULT_MINUTES = 10;
    static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(DEFAULT_MINUTES);

    private EbayNotificationSignature() {
    }

    /** Base64(MD5(timestamp + devId + appId + certId)). */
    static String compute(String timestamp, String devId, String appId, String certId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((timestamp + devId + appId + certId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is unavailable", e);
        }
    }

    static Verification verify(EbayPlatformNotification notification, ChannelContext channel, Instant now) {
        if (notification.signature() == null) {
            return Verification.rejected("ebay platform notification has no NotificationSignature in its SOAP header");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(notification.timestamp());
        } catch (DateTimeParseException e) {
            return Verification.rejected("ebay platform notification Timestamp is not an ISO 8601 UTC time");
        }
        Verification fresh = Signatures.fresh("Timestamp", signedAt, now, channel.tolerance(DEFAULT_TOLERANCE));
        if (!fresh.isVerified()) {
            return fresh;
        }
        String expected = compute(notification.timestamp(), channel.secrets().require("devId"),
                channel.secrets().require("appId"), channel.secrets().require("certId"));
        byte[] received = Signatures.fromBase64(notification.signature());
        if (!Signatures.equal(Base64.getDecoder().decode(expected), received)) {
            return Verification.rejected("NotificationSignature does not match the Timestamp and the channel's keyset");
        }
        return Verification.ok();
    }
}
