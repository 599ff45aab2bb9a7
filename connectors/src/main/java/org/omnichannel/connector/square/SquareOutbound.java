package org.omnichannel.connector.square;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Requests to the Square API ({@code https://connect.squareup.com}, or the setting {@code apiBaseUrl}
 * for the sandbox {@code https://connect.squareupsandbox.com}; {@code Authorization: Bearer} the
 * channel's secret {@code accessToken}; {@code Square-Version} the setting {@code squareVersion},
 * default {@value #DEFAULT_VERSION}).
 *
 * <p>{@link OutboundMessage.StockLevel} → {@code POST /v2/inventory/changes/batch-create}
 * (https://developer.squareup.com/reference/square/inventory-api/batch-change-inventory) with one
 * {@code PHYSICAL_COUNT} change: {@code {"idempotency_key": <messageId>, "changes": [{"type":
 * "PHYSICAL_COUNT", "physical_count": {"catalog_object_id", "state": "IN_STOCK", "location_id",
 * "quantity", "occurred_at"}}], "ignore_unchanged_counts": true}}. Square keys stock by catalog
 * object (the item variation: {@code productId}, as inbound STOCK_ADJUSTED events name it) and
 * location ({@code locationId} or the setting {@code defaultLocationId}); quantities are decimal
 * strings. The messageId as idempotency key makes a retried push harmless. Fulfilment notices are
 * not pushed to Square (empty list: the hub reports them unsupported).
 */
final class SquareOutbound {

    static final String DEFAULT_VERSION = "2025-08-20";
    static final String DEFAULT_BASE = "https://connect.squareup.com";

    private SquareOutbound() {
    }

    static List<OutboundRequest> requests(OutboundMessage message, ChannelContext channel, Instant now) {
        if (!(message instanceof OutboundMessage.StockLevel stock)) {
            return List.of();
        }
        if (stock.productId() == null || stock.productId().isBlank()) {
            throw new IllegalArgumentException("stock level " + stock.messageId()
                    + " has no productId: Square needs the catalog object id of the item variation");
        }
        String location = stock.locationId() != null ? stock.locationId() : channel.setting("defaultLocationId").orElse(null);
        if (location == null) {
            throw new IllegalArgumentException("stock level " + stock.messageId()
                    + " has no locationId and channel '" + channel.channelId() + "' has no setting defaultLocationId");
        }
        if (stock.availableToSell() == null || stock.availableToSell().signum() < 0) {
            throw new IllegalArgumentException("stock level " + stock.messageId() + ": Square counts cannot be negative");
        }
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.put("idempotency_key", stock.messageId());
        ObjectNode count = body.putArray("changes").addObject().put("type", "PHYSICAL_COUNT").putObject("physical_count");
        count.put("catalog_object_id", stock.productId());
        count.put("state", "IN_STOCK");
        count.put("location_id", location);
        count.put("quantity", stock.availableToSell().stripTrailingZeros().toPlainString());
        count.put("occurred_at", now.toString());
        body.put("ignore_unchanged_counts", true);
        try {
            URI base = new URI(channel.setting("apiBaseUrl").orElse(DEFAULT_BASE));
            if (!"https".equals(base.getScheme()) || base.getHost() == null) {
                throw new IllegalStateException("channel '" + channel.channelId() + "' setting apiBaseUrl must be an https URL");
            }
            URI uri = new URI("https", null, base.getHost(), base.getPort(), "/v2/inventory/changes/batch-create", null, null);
            return List.of(new OutboundRequest("POST", uri, Map.of(
                    "Authorization", "Bearer " + channel.secrets().require("accessToken"),
                    "Square-Version", channel.setting("squareVersion").orElse(DEFAULT_VERSION),
                    "Content-Type", "application/json"), JsonBodies.mapper().writeValueAsBytes(body)));
        } catch (URISyntaxException | JsonProcessingException e) {
            throw new IllegalStateException("cannot build the Square request: " + e.getMessage(), e);
        }
    }
}
