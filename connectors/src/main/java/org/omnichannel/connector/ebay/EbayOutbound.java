package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock levels to eBay through the Inventory API's {@code bulkUpdatePriceQuantity}
 * (https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/bulkUpdatePriceQuantity):
 * {@code POST /sell/inventory/v1/bulk_update_price_quantity} with
 * {@code {"requests":[{"sku":"...","shipToLocationAvailability":{"quantity":7}}]}}, at most
 * {@value #MAX_SKUS} SKUs a call, a user token with scope {@code sell.inventory} as Bearer.
 *
 * <p>Levels for the same SKU are coalesced: the last one given wins (newer values supersede older ones,
 * as {@link OutboundMessage.StockLevel} says). Only the quantity is sent; no offer and no price is
 * touched. eBay takes whole, non-negative quantities: a fractional level is refused, a negative one
 * (oversold) is sent as 0.
 */
final class EbayOutbound {

    static final int MAX_SKUS = 25;
    static final String PATH = "/sell/inventory/v1/bulk_update_price_quantity";

    private EbayOutbound() {
    }

    /** One request for up to {@value #MAX_SKUS} SKUs of one channel. */
    static OutboundRequest stock(List<OutboundMessage.StockLevel> levels, ChannelContext channel, String userToken) {
        return stock(levels, channel, userToken, null);
    }

    static OutboundRequest stock(List<OutboundMessage.StockLevel> levels, ChannelContext channel, String userToken,
                                 URI fixedBase) {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        for (OutboundMessage.StockLevel level : levels) {
            if (level.sku() == null || level.sku().isBlank()) {
                throw new IllegalArgumentException("stock level " + level.messageId() + " has no sku; eBay inventory is keyed by SKU");
            }
            bySku.remove(level.sku());
            bySku.put(level.sku(), quantity(level));
        }
        if (bySku.isEmpty() || bySku.size() > MAX_SKUS) {
            throw new IllegalArgumentException("eBay bulkUpdatePriceQuantity takes 1 to " + MAX_SKUS + " SKUs, got "
                    + bySku.size());
        }
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        ArrayNode requests = body.putArray("requests");
        bySku.forEach((sku, quantity) -> requests.addObject().put("sku", sku)
                .putObject("shipToLocationAvailability").put("quantity", quantity));
        try {
            return new OutboundRequest("POST", EbayApi.resolve(EbayApi.base(fixedBase, channel), PATH),
                    Map.of("Authorization", "Bearer " + userToken, "Content-Type", "application/json",
                            "Accept", "application/json"),
                    JsonBodies.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot build the eBay request: " + e.getMessage(), e);
        }
    }

    private static int quantity(OutboundMessage.StockLevel level) {
        BigDecimal available = level.availableToSell();
        if (available == null || available.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("stock level " + level.messageId() + ": eBay takes whole units, got "
                    + (available == null ? "none" : available.toPlainString()));
        }
        return Math.max(0, available.intValueExact());
    }
}
