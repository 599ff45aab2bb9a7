package org.omnichannel.connector.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * PayPal REST webhooks (https://developer.paypal.com/api/rest/webhooks/): {@code PAYMENT.CAPTURE.COMPLETED}
 * and {@code PAYMENT.SALE.COMPLETED} → PAYMENT_CAPTURED, {@code PAYMENT.CAPTURE.REFUNDED} and
 * {@code PAYMENT.SALE.REFUNDED} → REFUND_ISSUED (see {@link PayPalEventMapper}).
 *
 * <p><b>Offline verification</b>, as PayPal's SDKs do it (PayPal-Java-SDK {@code Event.validateReceivedEvent};
 * https://developer.paypal.com/api/rest/webhooks/rest/#link-eventheaders): the signed string is
 * {@code <PAYPAL-TRANSMISSION-ID>|<PAYPAL-TRANSMISSION-TIME>|<webhook id>|<CRC-32 of the raw body as an
 * unsigned decimal>}; {@code PAYPAL-TRANSMISSION-SIG} is its Base64 SHA256withRSA signature by the
 * certificate at {@code PAYPAL-CERT-URL}. The webhook id is the channel's setting {@code webhookId}
 * (from the PayPal dashboard, not a header). The cert URL must be https on PayPal's API hosts
 * ({@link PayPalCertUrlPolicy}); the certificate comes through the {@link PayPalCertificates} port
 * (by default fetched over HTTPS, checked and cached). Only {@code SHA256withRSA} is accepted.
 * PayPal publishes no tolerance; transmissions more than {@code toleranceSeconds} (default 300 s)
 * from now are refused. A certificate that cannot be fetched for an I/O reason is not a rejection:
 * the {@link PayPalCertificateException} propagates so the hub answers 5xx and PayPal retries.
 */
public final class PayPalConnector implements Connector {

    public static final String SYSTEM = "paypal";
    private static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private final PayPalCertificates certificates;
    private final PayPalCertUrlPolicy policy;
    private final Clock clock;

    public PayPalConnector() {
        this(new CachingPayPalCertificates(new HttpPayPalCertificates()), PayPalCertUrlPolicy.PAYPAL, Clock.systemUTC());
    }

    public PayPalConnector(PayPalCertificates certificates, PayPalCertUrlPolicy policy, Clock clock) {
        this.certificates = certificates;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String id = request.header("PAYPAL-TRANSMISSION-ID");
        String time = request.header("PAYPAL-TRANSMISSION-TIME");
        String signature = request.header("PAYPAL-TRANSMISSION-SIG");
        String certUrl = request.header("PAYPAL-CERT-URL");
        String algorithm = request.header("PAYPAL-AUTH-ALGO");
        for (String[] header : new String[][] {{"PAYPAL-TRANSMISSION-ID", id}, {"PAYPAL-TRANSMISSION-TIME", time},
                {"PAYPAL-TRANSMISSION-SIG", signature}, {"PAYPAL-CERT-URL", certUrl}, {"PAYPAL-AUTH-ALGO", algorithm}}) {
            if (header[1] == null || header[1].isBlank()) {
                return Verification.rejected("missing " + header[0] + " header");
            }
        }
        if (!"SHA256withRSA".equals(algorithm.trim())) {
            return Verification.rejected("PAYPAL-AUTH-ALGO '" + algorithm + "' is not accepted; expected SHA256withRSA");
        }
        Instant sent;
        try {
            sent = OffsetDateTime.parse(time.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return Verification.rejected("PAYPAL-TRANSMISSION-TIME is not an ISO-8601 date-time");
        }
        Verification fresh = Signatures.fresh("transmission time", sent, clock.instant(),
                channel.tolerance(DEFAULT_TOLERANCE));
        if (!fresh.isVerified()) {
            return fresh;
        }
        Optional<URI> url = policy.check(certUrl);
        if (url.isEmpty()) {
            return Verification.rejected("PAYPAL-CERT-URL is not an https URL on PayPal's API hosts");
        }
        byte[] sig = Signatures.fromBase64(signature);
        if (sig == null) {
            return Verification.rejected("PAYPAL-TRANSMISSION-SIG is not Base64");
        }
        String webhookId = channel.requiredSetting("webhookId");
        X509Certificate certificate;
        try {
            certificate = certificates.signingCertificate(url.get());
        } catch (PayPalCertificateException e) {
            if (e.isTransient()) {
                throw e;
            }
            return Verification.rejected("signing certificate refused: " + e.getMessage());
        }
        String signed = id.trim() + "|" + time.trim() + "|" + webhookId + "|" + crc32(request.body());
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(sig)
                    ? Verification.ok()
                    : Verification.rejected("PAYPAL-TRANSMISSION-SIG does not match the transmission, webhook id and body");
        } catch (GeneralSecurityException e) {
            return Verification.rejected("PAYPAL-TRANSMISSION-SIG cannot be checked: " + e.getMessage());
        }
    }

    /** CRC-32 (IEEE, as zlib) of the raw body as an unsigned decimal. */
    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode event = JsonBodies.object(request, "paypal");
        try {
            return PayPalEventMapper.map(event, channel, request.receivedAt());
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("paypal " + JsonBodies.text(event, "event_type") + " "
                    + JsonBodies.text(event, "id") + ": " + e.getMessage(), e);
        }
    }
}
