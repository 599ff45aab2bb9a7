package org.omnichannel.core.inventory;

import java.util.List;

/**
 * Every line of the order is reserved as the plan says.
 *
 * @param updates  the publishing decisions the reservation caused
 * @param repeated true when the order had been reserved before (a redelivered event): nothing changed
 */
public record Reserved(RoutingPlan plan, List<StockLevelUpdate> updates, boolean repeated) implements ReservationResult {

    public Reserved {
        updates = List.copyOf(updates);
    }

    @Override
    public String orderId() {
        return plan.orderId();
    }
}
