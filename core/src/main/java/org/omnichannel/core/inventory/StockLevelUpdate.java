package org.omnichannel.core.inventory;

import java.math.BigDecimal;

/**
 * A publishing decision: tell a channel (at a location) how many units of a product it may sell
 * now. The first five fields are those of the outbox's {@code STOCK_LEVEL} entry and of the
 * connector SPI's {@code OutboundMessage.StockLevel} (which adds only the outbox's messageId).
 *
 * @param locationId the vendor's location, or null for one figure per channel
 * @param sequence   increases with every recomputation of the product, so that of two decisions for
 *                   the same channel, location and product the later one wins
 */
public record StockLevelUpdate(String channelId, String sku, String productId, String locationId,
                               BigDecimal availableToSell, long sequence) {

    /** The key under which decisions coalesce: the latest value per key is what must be pushed. */
    public Key key() {
        return new Key(channelId, locationId, productId);
    }

    /** Channel, location and product. */
    public record Key(String channelId, String locationId, String productId) {
    }
}
