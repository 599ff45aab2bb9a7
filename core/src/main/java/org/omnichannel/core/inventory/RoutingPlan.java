package org.omnichannel.core.inventory;

import java.util.List;

/**
 * Where an order's units come from.
 *
 * @param cost    the total routing cost (docs/inventory.md)
 * @param reasons why this plan and not another
 */
public record RoutingPlan(String orderId, List<Shipment> shipments, double cost, List<String> reasons)
        implements RoutingOutcome {

    public RoutingPlan {
        shipments = List.copyOf(shipments);
        reasons = List.copyOf(reasons);
    }

    public boolean isSplit() {
        return shipments.size() > 1;
    }
}
