package org.omnichannel.connector.shopify;

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
import org.omnichannel.core.event.ChannelEvent;

import java.util.List;
import java.util.Optional;

/**
 * Shopify webhooks (https://shopify.dev/docs/apps/build/webhooks): {@code orders/create},
 * {@code orders/updated}, {@code orders/cancelled}, {@code refunds/create}, {@code customers/create},
 * {@code customers/update}, {@code inventory_levels/update}.
 *
 * <p><b>Verification.</b> {@code X-Shopify-Hmac-Sha256} is the standard Base64 of HMAC-SHA256 over the
 * raw body, keyed with the app's client secret (the channel's secret {@code webhookSecret}). The newer
 * header family without the {@code X-} prefix ({@code shopify-hmac-sha256}, {@code shopify-topic}...)
 * is accepted too. Nothing with a time is signed, so there is no tolerance window: a replay is caught
 * by the deterministic eventId instead. When the channel has the setting {@code shopDomain}, a delivery
 * for another shop is refused.
 *
 * <p><b>Mapping.</b> Amounts are the shop-currency strings ({@code price}, {@code total_price}...)
 * converted exactly; Shopify's customer id becomes a {@code MARKETPLACE_BUYER_ID} in the namespace
 * {@code shopify:<shop domain>}, alongside the e-mail (verified when Shopify says so) and phones.
 * Other topics are answered 202 and reported as unsupported.
 *
 * <p><b>Fixture gap</b> (../shared/fixtures/shopify/SPEC.md): no captured delivery with an official
 * signature exists; the payloads are the REST representations of the resources, which are the bodies
 * of these REST-era topics. Tests sign them with a test secret; the official vector checks the HMAC.
 */
public final class ShopifyConnector implements Connector {

    public static final String SYSTEM = "shopify";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String signature = header(request, "hmac-sha256");
        if (signature == null) {
            return Verification.rejected("missing X-Shopify-Hmac-Sha256 header");
        }
        Optional<String> shop = channel.setting("shopDomain");
        String sentShop = header(request, "shop-domain");
        if (shop.isPresent() && sentShop != null && !shop.get().equalsIgnoreCase(sentShop)) {
            return Verification.rejected("delivery is for shop '" + sentShop + "' but the channel is for '"
                    + shop.get() + "'");
        }
        byte[] expected = Signatures.hmacSha256(channel.secrets().require("webhookSecret"), request.body());
        return Signatures.equal(expected, Signatures.fromBase64(signature))
                ? Verification.ok()
                : Verification.rejected("X-Shopify-Hmac-Sha256 does not match the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        String topicName = header(request, "topic");
        if (topicName == null) {
            throw new BadPayloadException("missing X-Shopify-Topic header: cannot tell what the body is");
        }
        Optional<ShopifyTopic> topic = ShopifyTopic.of(topicName);
        if (topic.isEmpty()) {
            return MappingResult.unsupported("shopify topic '" + topicName + "' is not mapped; mapped topics: "
                    + ShopifyTopic.supported());
        }
        JsonNode body = JsonBodies.object(request, "shopify " + topicName);
        ShopifyEnvelope envelope = ShopifyEnvelope.of(request, channel);
        try {
            return MappingResult.of(map(topic.get(), body, envelope));
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("shopify " + topicName + ": " + e.getMessage(), e);
        }
    }

    private static ChannelEvent map(ShopifyTopic topic, JsonNode body, ShopifyEnvelope envelope) {
        return switch (topic) {
            case ORDERS_CREATE, ORDERS_UPDATED, ORDERS_CANCELLED -> ShopifyOrderMapper.map(topic, body, envelope);
            case REFUNDS_CREATE -> ShopifyRefundMapper.map(body, envelope);
            case CUSTOMERS_CREATE, CUSTOMERS_UPDATE -> ShopifyCustomerMapper.map(body, envelope);
            case INVENTORY_LEVELS_UPDATE -> ShopifyInventoryMapper.map(body, envelope);
        };
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        return ShopifyOutbound.requests(message, channel);
    }

    /** A Shopify header by its short name, from either header family ({@code X-Shopify-Topic} or {@code shopify-topic}). */
    static String header(InboundRequest request, String name) {
        String value = request.header("X-Shopify-" + name);
        if (value == null || value.isBlank()) {
            value = request.header("Shopify-" + name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
