package org.omnichannel.core.inventory;

import java.util.List;

/**
 * What a canonical event did to stock.
 *
 * @param updates     the publishing decisions it caused (write them to the outbox as STOCK_LEVEL rows)
 * @param reservation for ORDER_PLACED, the reservation's result; otherwise null
 */
public record InventoryOutcome(List<StockLevelUpdate> updates, ReservationResult reservation) {

    public static final InventoryOutcome NOTHING = new InventoryOutcome(List.of(), null);

    public InventoryOutcome {
        updates = List.copyOf(updates);
    }
}
