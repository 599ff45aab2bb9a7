package org.omnichannel.core.inventory;

import java.math.BigDecimal;

/**
 * One product at one facility, as the engine sees it now.
 *
 * @param availableToPromise on hand less reserved (negative when reality took more than was free)
 */
public record FacilityStock(String productId, String facilityId, FacilityKind kind, long onHand, long reserved,
                            long availableToPromise, long inTransit) {

    /** Whether at least {@code units} can be promised here. */
    public boolean has(long units) {
        return availableToPromise >= units;
    }

    public BigDecimal availableToPromiseDecimal() {
        return Quantities.decimal(availableToPromise);
    }
}
