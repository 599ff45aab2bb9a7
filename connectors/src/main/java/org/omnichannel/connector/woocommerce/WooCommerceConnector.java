package org.omnichannel.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WooCommerce webhooks (https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks):
 * {@code order.created} → ORDER_PLACED, {@code order.updated} → ORDER_UPDATED (ORDER_CANCELLED when
 * the status is {@code cancelled}); other topics are acknowledged and reported as unsupported.
 *
 * <p><b>Verification</b> (woocommerce {@code class-wc-webhook.php}): {@code X-WC-Webhook-Signature} is
 * the Base64 HMAC-SHA256 of the raw body (WordPress's {@code wp_json_encode} output, with {@code \/}
 * and {@code &#92;uXXXX} escapes: never re-serialised), keyed with the webhook secret as typed in the admin
 * (the channel's secret {@code webhookSecret}; an empty secret is refused). No time is signed, so
 * replays are caught by the deterministic eventId.
 *
 * <p><b>Ping.</b> When a webhook is saved WooCommerce POSTs an unsigned, form-encoded
 * {@code webhook_id=<n>} and disables the webhook unless it gets a 2xx: {@link #handshake} answers
 * exactly that shape with 200 and nothing else; it never reaches mapping.
 */
public final class WooCommerceConnector implements Connector {

    public static final String SYSTEM = "woocommerce";
    public static final String SIGNATURE_HEADER = "X-WC-Webhook-Signature";
    private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,19}");

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        if (request.header(SIGNATURE_HEADER) == null && request.body().length < 64
                && PING.matcher(new String(request.body(), StandardCharsets.US_ASCII).trim()).matches()) {
            return Optional.of(ConnectorResponse.text(200, "ok"));
        }
        return Optional.empty();
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + " header");
        }
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), request.body());
        return Signatures.equal(expected, Signatures.fromBase64(signature))
                ? Verification.ok()
                : Verification.rejected(SIGNATURE_HEADER + " does not match the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        String topic = request.header("X-WC-Webhook-Topic");
        if (topic == null || topic.isBlank()) {
            throw new BadPayloadException("missing X-WC-Webhook-Topic header: cannot tell what the body is");
        }
        topic = topic.trim();
        if (!topic.equals("order.created") && !topic.equals("order.updated")) {
            return MappingResult.unsupported("woocommerce topic '" + topic
                    + "' is not mapped; mapped topics: order.created, order.updated");
        }
        JsonNode order = JsonBodies.object(request, "woocommerce " + topic);
        try {
            return MappingResult.of(WooCommerceOrderMapper.map(topic.equals("order.created"), order,
                    channel, request.receivedAt(), request.header("X-WC-Webhook-Source")));
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("woocommerce " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        return WooCommerceOutbound.requests(message, channel);
    }
}
