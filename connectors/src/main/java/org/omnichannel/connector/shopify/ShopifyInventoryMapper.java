package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code inventory_levels/update} → STOCK_ADJUSTED. The body names an inventory item and a location
 * and the new {@code available} figure (no SKU): the product is given as Shopify's global id
 * {@code gid://shopify/InventoryItem/<id>}, which the back office maps to its product, and the
 * location as the facility. {@code available} is a new figure, not a change, so the reason is COUNT.
 */
final class ShopifyInventoryMapper {

    private ShopifyInventoryMapper() {
    }

    static ChannelEvent map(JsonNode level, ShopifyEnvelope envelope) {
        String item = JsonBodies.requireText(level, "inventory_item_id", "inventory_level");
        String location = JsonBodies.requireText(level, "location_id", "inventory_level");
        BigDecimal available = JsonBodies.requireDecimal(level, "available", "inventory_level");
        Instant updated = JsonBodies.requireInstant(level, "updated_at", "inventory_level");
        return envelope.event(EventType.STOCK_ADJUSTED, updated, "inventory_level", item, location, updated.toString())
                .payload(new StockAdjustmentPayload(null, "gid://shopify/InventoryItem/" + item,
                        new FacilityRef(location, null), StockReason.COUNT, null, available, available))
                .build();
    }
}
