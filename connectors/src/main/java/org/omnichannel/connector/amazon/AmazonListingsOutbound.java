package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stock level to Amazon through the Listings Items API's patchListingsItem
 * (https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference#patchlistingsitem):
 * <pre>
 * PATCH /listings/2021-08-01/items/{sellerId}/{sku}?marketplaceIds={marketplaceIds}
 * {"productType":"PRODUCT","patches":[{"op":"merge","path":"/attributes/fulfillment_availability",
 *   "value":[{"fulfillment_channel_code":"DEFAULT","quantity":7}]}]}
 * </pre>
 * The {@code merge} operation (https://developer-docs.amazon.com/sp-api/docs/merge-a-listing, added June 2025)
 * changes only the quantity of the entry selected by {@code fulfillment_channel_code}; {@code replace} would
 * also drop the seller's {@code lead_time_to_ship_max_days} and {@code restock_date}, which are not ours to clear.
 * {@code productType} {@code PRODUCT} is what Amazon's use-case guide uses for a patch that only touches
 * offer attributes such as fulfillment_availability. Settings: {@code sellerId}, {@code marketplaceIds}
 * (comma-separated), {@code fulfillmentChannelCode} (default {@code DEFAULT}, the seller's own network; a
 * channel's {@code locationId} overrides it for a supply source). The quantity is whole and not negative
 * (an oversold level is sent as 0). The usage plan is 5 requests/s, burst 10 per seller and app; the hub's
 * sender throttles, and coalesces levels per SKU so only the newest is sent.
 */
final class AmazonListingsOutbound {

    private AmazonListingsOutbound() {
    }

    static OutboundRequest stock(OutboundMessage.StockLevel level, ChannelContext channel, SpApiEndpoints endpoints,
                                 String accessToken) {
        if (level.sku() == null || level.sku().isBlank()) {
            throw new IllegalArgumentException("stock level " + level.messageId() + " has no sku; Amazon listings are keyed by seller SKU");
        }
        BigDecimal available = level.availableToSell();
        if (available == null || available.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("stock level " + level.messageId() + ": Amazon takes whole units, got "
                    + (available == null ? "none" : available.toPlainString()));
        }
        String seller = channel.requiredSetting("sellerId");
        String marketplaces = channel.requiredSetting("marketplaceIds").replace(" ", "");
        String code = level.locationId() != null ? level.locationId() : channel.setting("fulfillmentChannelCode").orElse("DEFAULT");
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.put("productType", "PRODUCT");
        ObjectNode patch = body.putArray("patches").addObject();
        patch.put("op", "merge").put("path", "/attributes/fulfillment_availability");
        patch.putArray("value").addObject().put("fulfillment_channel_code", code)
                .put("quantity", Math.max(0, available.intValueExact()));
        String path = "/listings/2021-08-01/items/" + encode(seller) + "/" + encode(level.sku())
                + "?marketplaceIds=" + encode(marketplaces);
        try {
            return new OutboundRequest("PATCH", endpoints.resolve(path),
                    Map.of("x-amz-access-token", accessToken, "Content-Type", "application/json", "Accept", "application/json"),
                    JsonBodies.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot build the Amazon request: " + e.getMessage(), e);
        }
    }

    /** Percent-encoding for a path segment or query value (a space is %20, not +). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
