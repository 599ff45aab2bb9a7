package org.omnichannel.core.inventory;

import java.math.BigDecimal;

/**
 * What OFBiz knows of one product at one facility: the sums of its InventoryItems'
 * {@code quantityOnHandTotal} and {@code availableToPromiseTotal} (OFBiz's ATP is net of its
 * reservations, OrderItemShipGrpInvRes), and what is on its way there (an InventoryTransfer not yet received).
 *
 * @param sku         the SKU channels know the product by (GoodIdentification SKU); null means the productId
 * @param inTransit   units on their way to this facility, or null for none
 */
public record StockFact(String productId, String sku, String facilityId, BigDecimal quantityOnHand,
                        BigDecimal availableToPromise, BigDecimal inTransit) {

    public StockFact {
        productId = Names.requireId(productId, "stockFact.productId");
        sku = sku == null || sku.isBlank() ? null : sku.strip();
        facilityId = Names.requireId(facilityId, "stockFact.facilityId");
        if (quantityOnHand == null || availableToPromise == null) {
            throw new IllegalArgumentException("stock fact for product '" + productId + "' at facility '" + facilityId
                    + "' needs quantityOnHand and availableToPromise");
        }
    }

    /** On hand in whole units (a fraction is rounded down). */
    long onHandUnits() {
        return Quantities.sellableUnits(quantityOnHand);
    }

    /** Reserved in whole units: on hand less available-to-promise, never below zero. */
    long reservedUnits() {
        return Math.max(0, onHandUnits() - Quantities.sellableUnits(availableToPromise));
    }

    long inTransitUnits() {
        return Math.max(0, Quantities.sellableUnits(inTransit));
    }
}
