package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Requests to the Shopify Admin REST API ({@code https://<shop>.myshopify.com/admin/api/<version>/...},
 * header {@code X-Shopify-Access-Token}: the channel's secret {@code adminApiToken}; settings
 * {@code shopDomain} and {@code apiVersion}, default {@value #DEFAULT_API_VERSION}).
 *
 * <ul>
 *   <li>{@link OutboundMessage.StockLevel} → {@code POST inventory_levels/set.json} with
 *       {@code {"location_id", "inventory_item_id", "available"}}
 *       (https://shopify.dev/docs/api/admin-rest/2025-07/resources/inventorylevel#post-inventory-levels-set).
 *       Shopify keys stock by inventory item and location, not SKU: {@code productId} must be the
 *       inventory item ({@code gid://shopify/InventoryItem/<id>}, as inbound STOCK_ADJUSTED events
 *       name it, or the bare number), {@code locationId} the location (or the setting
 *       {@code defaultLocationId}). {@code available} is a whole number.</li>
 *   <li>{@link OutboundMessage.FulfilmentNotice} → {@code POST fulfillments.json} with
 *       {@code {"fulfillment": {"line_items_by_fulfillment_order": [{"fulfillment_order_id"}],
 *       "tracking_info": {"company", "number", "url"}, "notify_customer"}}}
 *       (https://shopify.dev/docs/api/admin-rest/2025-07/resources/fulfillment#post-fulfillments).
 *       Since API 2023-01 Shopify fulfils <em>fulfillment orders</em>, not orders: {@code orderId} must
 *       be the fulfillment order ({@code gid://shopify/FulfillmentOrder/<id>} or the bare number), and
 *       all its remaining items are fulfilled; fulfilling single lines would need the fulfillment order
 *       line ids and quantities, which the notice does not carry, so a notice with {@code lineIds} is
 *       refused. {@code notify_customer} is the setting {@code notifyCustomer} (default false).</li>
 * </ul>
 */
final class ShopifyOutbound {

    static final String DEFAULT_API_VERSION = "2025-07";
    private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}|unstable");

    private ShopifyOutbound() {
    }

    static List<OutboundRequest> requests(OutboundMessage message, ChannelContext channel) {
        if (message instanceof OutboundMessage.StockLevel stock) {
            return List.of(stock(stock, channel));
        }
        return List.of(fulfilment((OutboundMessage.FulfilmentNotice) message, channel));
    }

    private static OutboundRequest stock(OutboundMessage.StockLevel stock, ChannelContext channel) {
        String item = id(stock.productId(), "InventoryItem", "stock level " + stock.messageId() + " productId");
        String location = stock.locationId() != null ? stock.locationId() : channel.setting("defaultLocationId").orElse(null);
        location = id(location, "Location", "stock level " + stock.messageId() + " locationId (or setting defaultLocationId)");
        BigDecimal available = stock.availableToSell();
        if (available == null || available.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("stock level " + stock.messageId() + ": Shopify takes whole units, got "
                    + (available == null ? "none" : available.toPlainString()));
        }
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.put("location_id", Long.parseLong(location));
        body.put("inventory_item_id", Long.parseLong(item));
        body.put("available", available.intValueExact());
        return post(channel, "inventory_levels/set.json", body);
    }

    private static OutboundRequest fulfilment(OutboundMessage.FulfilmentNotice notice, ChannelContext channel) {
        if (!notice.lineIds().isEmpty()) {
            throw new IllegalArgumentException("fulfilment " + notice.messageId() + " names lines; Shopify fulfils whole "
                    + "fulfillment orders here (line quantities are not in the notice): send it without lineIds");
        }
        String fulfillmentOrder = id(notice.orderId(), "FulfillmentOrder", "fulfilment " + notice.messageId() + " orderId");
        ObjectNode fulfillment = JsonBodies.mapper().createObjectNode();
        fulfillment.putArray("line_items_by_fulfillment_order").addObject()
                .put("fulfillment_order_id", Long.parseLong(fulfillmentOrder));
        if (notice.trackingNumber() != null || notice.carrier() != null || notice.trackingUrl() != null) {
            ObjectNode tracking = fulfillment.putObject("tracking_info");
            putIfPresent(tracking, "company", notice.carrier());
            putIfPresent(tracking, "number", notice.trackingNumber());
            putIfPresent(tracking, "url", notice.trackingUrl());
        }
        fulfillment.put("notify_customer", Boolean.parseBoolean(channel.setting("notifyCustomer").orElse("false")));
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.set("fulfillment", fulfillment);
        return post(channel, "fulfillments.json", body);
    }

    private static OutboundRequest post(ChannelContext channel, String resource, ObjectNode body) {
        String shop = channel.requiredSetting("shopDomain");
        if (!SHOP.matcher(shop).matches()) {
            throw new IllegalStateException("channel '" + channel.channelId() + "' setting shopDomain '" + shop
                    + "' is not a <shop>.myshopify.com domain");
        }
        String version = channel.setting("apiVersion").orElse(DEFAULT_API_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalStateException("channel '" + channel.channelId() + "' setting apiVersion '" + version
                    + "' is not a Shopify API version such as " + DEFAULT_API_VERSION);
        }
        try {
            URI uri = new URI("https", shop, "/admin/api/" + version + "/" + resource, null);
            return new OutboundRequest("POST", uri, Map.of("X-Shopify-Access-Token", channel.secrets().require("adminApiToken"),
                    "Content-Type", "application/json", "Accept", "application/json"), JsonBodies.mapper().writeValueAsBytes(body));
        } catch (URISyntaxException | JsonProcessingException e) {
            throw new IllegalStateException("cannot build the Shopify request: " + e.getMessage(), e);
        }
    }

    /** The numeric id of a Shopify gid ({@code gid://shopify/<type>/<n>}) or a bare number. */
    private static String id(String value, String type, String what) {
        if (value != null) {
            String prefix = "gid://shopify/" + type + "/";
            String id = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
            if (id.matches("\\d{1,19}")) {
                return id;
            }
        }
        throw new IllegalArgumentException(what + " must be gid://shopify/" + type + "/<id> or the numeric id, was "
                + (value == null ? "none" : "'" + value + "'"));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
