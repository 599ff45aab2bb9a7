package org.omnichannel.core.inventory;

import java.util.List;

/**
 * What one facility contributes to an order.
 *
 * @param distanceKm from the facility to the fan or to the pick-up store (0 for the pick-up store itself)
 * @param cost       this shipment's part of the routing cost
 * @param reasons    why, in words a clerk understands
 */
public record Shipment(String facilityId, FacilityKind kind, double distanceKm, List<Pick> picks, double cost,
                       List<String> reasons) {

    public Shipment {
        picks = List.copyOf(picks);
        reasons = List.copyOf(reasons);
    }

    public long units() {
        return picks.stream().mapToLong(Pick::quantity).sum();
    }
}
