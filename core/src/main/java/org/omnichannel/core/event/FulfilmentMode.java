package org.omnichannel.core.event;

/** How an order reaches the fan. */
public enum FulfilmentMode {
    /** Shipped to an address. */
    SHIP,
    /** Bought online, collected in a store ({@link OrderPayload#pickupFacility()}). */
    PICKUP_IN_STORE,
    /** Bought and taken away at a store's till. */
    IN_STORE,
    /** Nothing physical to deliver. */
    DIGITAL
}
