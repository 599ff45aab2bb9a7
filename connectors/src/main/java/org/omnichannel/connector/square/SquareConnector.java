package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Square webhooks (https://developer.squareup.com/docs/webhooks/overview): {@code payment.*},
 * {@code refund.*}, {@code customer.*}, {@code inventory.count.updated} and {@code order.*}.
 *
 * <p><b>Verification</b> (https://developer.squareup.com/docs/webhooks/step3validate):
 * {@code x-square-hmacsha256-signature} is the Base64 HMAC-SHA256 of the notification URL followed by
 * the raw body, keyed with the subscription's signature key as UTF-8 bytes (the channel's secret
 * {@code webhookSecret}). The URL must be the one configured on the subscription byte for byte: the
 * setting {@code notificationUrl}, or else the URL the request was received on. The deprecated v1
 * {@code x-square-signature} (HMAC-SHA1) is refused. Nothing with a time is signed: replays are caught
 * by the deterministic eventId.
 *
 * <p><b>Mapping</b> (see the mappers): a payment becomes PAYMENT_CAPTURED once COMPLETED, a refund
 * REFUND_ISSUED while PENDING or COMPLETED (one eventId per refund), a customer FAN_PROFILE_UPDATED,
 * an IN_STOCK inventory count STOCK_ADJUSTED. <b>Gap</b>: {@code order.*} notifications carry only a
 * summary (id, version, state, location), not lines or totals; they are acknowledged and reported as
 * {@code SUMMARY_ONLY} so the hub can fetch the order with RetrieveOrder
 * ({@code GET /v2/orders/{order_id}}) and a later version of this connector can map it.
 */
public final class SquareConnector implements Connector {

    public static final String SYSTEM = "square";
    public static final String SIGNATURE_HEADER = "x-square-hmacsha256-signature";

    private final Clock clock;

    public SquareConnector() {
        this(Clock.systemUTC());
    }

    /** @param clock the time stamped on pushed physical counts ({@code occurred_at}) */
    SquareConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            return Verification.rejected(request.header("x-square-signature") != null
                    ? "only the deprecated x-square-signature (HMAC-SHA1) was sent; " + SIGNATURE_HEADER + " is required"
                    : "missing " + SIGNATURE_HEADER + " header");
        }
        String url = channel.setting("notificationUrl").orElse(request.uri());
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return Verification.rejected("cannot check the signature: channel '" + channel.channelId()
                    + "' has no setting 'notificationUrl' and the request URI is not absolute");
        }
        byte[] prefix = url.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + request.body().length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(request.body(), 0, signed, prefix.length, request.body().length);
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), signed);
        return Signatures.equal(expected, Signatures.fromBase64(signature))
                ? Verification.ok()
                : Verification.rejected(SIGNATURE_HEADER + " does not match the notification URL and body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        JsonNode body = JsonBodies.object(request, "square");
        SquareEnvelope event = SquareEnvelope.of(body, channel, request.receivedAt());
        try {
            return switch (event.type()) {
                case "payment.created", "payment.updated" -> SquarePaymentMapper.payment(event);
                case "refund.created", "refund.updated" -> SquarePaymentMapper.refund(event);
                case "customer.created", "customer.updated" -> MappingResult.of(SquareCustomerMapper.map(event));
                case "inventory.count.updated" -> SquareInventoryMapper.map(event);
                case "order.created", "order.updated", "order.fulfillment.updated" -> MappingResult.skipped(
                        MappingResult.SkipReason.SUMMARY_ONLY, "square " + event.type() + " for order " + event.dataId()
                                + " carries only a summary; fetch it with GET /v2/orders/" + event.dataId());
                case "webhooks.test_notification" -> MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE,
                        "square test notification " + event.eventId());
                default -> MappingResult.unsupported("square event type '" + event.type() + "' (" + event.eventId()
                        + ") is not mapped; mapped types: payment.created, payment.updated, refund.created, "
                        + "refund.updated, customer.created, customer.updated, inventory.count.updated");
            };
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("square " + event.type() + " " + event.eventId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        return SquareOutbound.requests(message, channel, clock.instant());
    }
}
