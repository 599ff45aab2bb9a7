package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inventory.count.updated} → one STOCK_ADJUSTED per count in state IN_STOCK: the new figure
 * ({@code quantity}, reason COUNT) of the catalog object (an item variation: its Square id is the
 * product id) at the location (the facility). Counts in other states (SOLD, WASTE, IN_TRANSIT...)
 * are not stock on hand and are reported as NOT_ACTIONABLE.
 */
final class SquareInventoryMapper {

    private SquareInventoryMapper() {
    }

    static MappingResult map(SquareEnvelope event) {
        JsonNode counts = event.object().path("inventory_counts");
        List<ChannelEvent> events = new ArrayList<>();
        List<MappingResult.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            JsonNode count = counts.get(i);
            String where = "data.object.inventory_counts[" + i + "]";
            String item = JsonBodies.requireText(count, "catalog_object_id", where);
            String location = JsonBodies.requireText(count, "location_id", where);
            String state = JsonBodies.requireText(count, "state", where);
            if (!"IN_STOCK".equals(state)) {
                skipped.add(new MappingResult.Skipped(MappingResult.SkipReason.NOT_ACTIONABLE,
                        "square count of " + item + " at " + location + " is in state " + state + ", not IN_STOCK"));
                continue;
            }
            Instant calculated = JsonBodies.requireInstant(count, "calculated_at", where);
            var quantity = JsonBodies.requireDecimal(count, "quantity", where);
            events.add(event.event(EventType.STOCK_ADJUSTED, calculated, "inventory", item, location, calculated.toString())
                    .facility(new FacilityRef(location, null))
                    .payload(new StockAdjustmentPayload(null, item, new FacilityRef(location, null), StockReason.COUNT,
                            null, quantity, null))
                    .build());
        }
        return new MappingResult(events, null, skipped);
    }
}
