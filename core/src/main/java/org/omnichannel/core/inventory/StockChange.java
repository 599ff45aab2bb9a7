package org.omnichannel.core.inventory;

import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;

/**
 * A fact about stock at one facility: something was received, sold at a till, damaged, counted,
 * reserved or released in OFBiz. Quantities are whole units; {@link #quantity()} is the size of
 * the change (the reason gives its direction), or the counted figure for {@link StockReason#COUNT}.
 */
public record StockChange(String productId, String facilityId, StockReason reason, long quantity) {

    public StockChange {
        productId = Names.requireId(productId, "stockChange.productId");
        facilityId = Names.requireId(facilityId, "stockChange.facilityId");
        if (reason == null) {
            throw new IllegalArgumentException("stock change of '" + productId + "' at '" + facilityId + "' needs a reason");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("stock change of '" + productId + "' at '" + facilityId
                    + "' must not be negative (the reason " + reason + " gives the direction), was " + quantity);
        }
    }

    /**
     * The change a canonical STOCK_ADJUSTED payload describes. Deltas may come signed either way
     * (-2 or 2 for a sale): the reason gives the direction; a negative delta for a reason that adds
     * stock is refused. {@code productId} is the payload's productId, or its sku resolved by the caller.
     */
    public static StockChange from(StockAdjustmentPayload payload, String productId) {
        StockReason reason = payload.reason();
        if (reason == StockReason.COUNT) {
            return new StockChange(productId, payload.facility().id(), reason,
                    Quantities.wholeUnits(payload.quantityOnHand(), "stockAdjustment.quantityOnHand"));
        }
        BigDecimal delta = payload.quantityDelta();
        if (delta == null) {
            throw new IllegalArgumentException("stockAdjustment with reason " + reason + " needs quantityDelta");
        }
        long units = Quantities.wholeUnits(delta, "stockAdjustment.quantityDelta");
        if (units < 0 && adds(reason)) {
            throw new IllegalArgumentException("stockAdjustment with reason " + reason + " adds stock, but quantityDelta is "
                    + delta.toPlainString());
        }
        return new StockChange(productId, payload.facility().id(), reason, Math.abs(units));
    }

    /** Whether the reason adds stock (or, for RESERVATION/RELEASE, frees it). */
    static boolean adds(StockReason reason) {
        return switch (reason) {
            case RECEIPT, RETURN, TRANSFER_IN, RELEASE -> true;
            case SALE, TRANSFER_OUT, DAMAGE, RESERVATION, COUNT -> false;
        };
    }
}
