package org.omnichannel.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stripe webhook events (https://docs.stripe.com/webhooks): {@code payment_intent.succeeded} →
 * PAYMENT_CAPTURED, {@code charge.refunded} → REFUND_ISSUED, {@code checkout.session.completed} →
 * ORDER_PLACED, {@code customer.created}/{@code customer.updated} → FAN_PROFILE_UPDATED; any other type
 * is acknowledged and reported as unsupported.
 *
 * <p><b>Verification</b> (https://docs.stripe.com/webhooks#verify-manually): {@code Stripe-Signature:
 * t=<unix>,v1=<hex>[,v1=...]}; the signed string is {@code t + "." + raw body}, HMAC-SHA256 keyed with
 * the endpoint secret ({@code whsec_...}, the channel's secret {@code webhookSecret}, used as UTF-8
 * bytes). Any one {@code v1} may match (secret rolling); {@code v0} is ignored. Timestamps further than
 * the tolerance from now (default 300 s, setting {@code toleranceSeconds}) are refused.
 *
 * <p><b>Fixture gap</b> (../shared/fixtures/stripe/SPEC.md): the three {@code *.ASSEMBLED.json} events
 * are envelopes around objects whose state contradicts the event type (a succeeded PaymentIntent with
 * nothing received, a refunded charge with nothing refunded, a completed session without a total).
 * The mappers check that state and refuse such an event with a message that names the contradiction,
 * rather than record a payment or refund of nothing; the golden tests use copies of those events
 * whose state fields alone were made consistent (src/test/resources/stripe/).
 */
public final class StripeConnector implements Connector {

    public static final String SYSTEM = "stripe";
    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    private static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private final Clock clock;

    public StripeConnector() {
        this(Clock.systemUTC());
    }

    StripeConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + " header");
        }
        Optional<StripeSignatureHeader> parsed = StripeSignatureHeader.parse(header);
        if (parsed.isEmpty()) {
            return Verification.rejected(SIGNATURE_HEADER + " is malformed: expected t=<unix seconds>,v1=<hex>");
        }
        StripeSignatureHeader signature = parsed.get();
        if (signature.v1().isEmpty()) {
            return Verification.rejected(SIGNATURE_HEADER + " has no v1 signature");
        }
        Verification fresh = Signatures.fresh("timestamp", Instant.ofEpochSecond(signature.timestamp()),
                clock.instant(), channel.tolerance(DEFAULT_TOLERANCE));
        if (!fresh.isVerified()) {
            return fresh;
        }
        byte[] prefix = (signature.timestampText() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + request.body().length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(request.body(), 0, signed, prefix.length, request.body().length);
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), signed);
        boolean matched = false;
        for (String candidate : signature.v1()) {
            matched |= Signatures.equal(expected, Signatures.fromHex(candidate));
        }
        return matched ? Verification.ok() : Verification.rejected("no v1 signature matches the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode body = JsonBodies.object(request, "stripe");
        StripeEnvelope event = StripeEnvelope.of(body, channel, request.receivedAt());
        try {
            return switch (event.type()) {
                case "payment_intent.succeeded" -> MappingResult.of(StripePaymentMapper.map(event));
                case "charge.refunded" -> MappingResult.of(StripeRefundMapper.map(event));
                case "checkout.session.completed" -> MappingResult.of(StripeCheckoutMapper.map(event));
                case "customer.created", "customer.updated" -> MappingResult.of(StripeCustomerMapper.map(event));
                default -> MappingResult.unsupported("stripe event type '" + event.type() + "' (" + event.eventId()
                        + ") is not mapped; mapped types: payment_intent.succeeded, charge.refunded, "
                        + "checkout.session.completed, customer.created, customer.updated");
            };
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("stripe " + event.type() + " " + event.eventId() + ": " + e.getMessage(), e);
        }
    }
}
