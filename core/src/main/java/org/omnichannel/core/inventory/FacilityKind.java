package org.omnichannel.core.inventory;

/** What a facility is; routing and allocation treat stores and warehouses differently. */
public enum FacilityKind {
    /** A distribution centre: ships, never serves walk-in fans. */
    WAREHOUSE,
    /** One of the brand's own stores. */
    OWN_STORE,
    /** A franchise store: the brand's name, someone else's stock unless it agrees to share. */
    FRANCHISE_STORE;

    /** True for the two kinds of store (they serve walk-ins and pick-ups). */
    public boolean isStore() {
        return this != WAREHOUSE;
    }
}
