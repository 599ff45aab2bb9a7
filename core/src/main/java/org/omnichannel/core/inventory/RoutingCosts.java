package org.omnichannel.core.inventory;

/**
 * The weights of the routing cost (docs/inventory.md, "Routing cost"), in one currency-free unit.
 *
 * @param perShipment            each parcel that leaves a facility (the pick-up store's own stock ships nothing)
 * @param perKm                  per kilometre from the facility to the fan (or to the pick-up store)
 * @param shipFromStorePerUnit   per unit a store ships instead of a warehouse (store staff's time)
 * @param belowWalkInReservePerUnit per unit that takes a store below its walk-in reserve
 * @param perPriorityLevel       subtracted per level of facility priority (never below zero per shipment)
 * @param maxShipments           an order needing more parcels than this is refused
 */
public record RoutingCosts(double perShipment, double perKm, double shipFromStorePerUnit,
                           double belowWalkInReservePerUnit, double perPriorityLevel, int maxShipments) {

    /** 10 per parcel, 0.01 per km (a parcel is worth 1,000 km), 2 per unit from a store, 3 per unit below the walk-in reserve, 1 per priority level, at most 4 parcels. */
    public static final RoutingCosts DEFAULT = new RoutingCosts(10, 0.01, 2, 3, 1, 4);

    public RoutingCosts {
        for (double weight : new double[]{perShipment, perKm, shipFromStorePerUnit, belowWalkInReservePerUnit, perPriorityLevel}) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("routing cost weights must be finite and not negative, got " + weight);
            }
        }
        if (maxShipments < 1) {
            throw new IllegalArgumentException("maxShipments must be at least 1, was " + maxShipments);
        }
    }
}
