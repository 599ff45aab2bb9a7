package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * Stock of one product changed at one facility. A channel sends either a change
 * ({@link #quantityDelta()}) or the new figure ({@link #quantityOnHand()}), or both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockAdjustmentPayload(String sku, String productId, FacilityRef facility, StockReason reason,
                                     BigDecimal quantityDelta, BigDecimal quantityOnHand,
                                     BigDecimal availableToPromise) implements EventPayload {

    public StockAdjustmentPayload {
        sku = Checks.optionalText(sku);
        productId = Checks.optionalText(productId);
        if (sku == null && productId == null) {
            throw new IllegalArgumentException("stockAdjustment needs a sku or a productId");
        }
        Checks.required(facility, "stockAdjustment.facility");
        Checks.required(reason, "stockAdjustment.reason");
        if (quantityDelta == null && quantityOnHand == null) {
            throw new IllegalArgumentException("stockAdjustment needs quantityDelta or quantityOnHand");
        }
        if (reason == StockReason.COUNT && quantityOnHand == null) {
            throw new IllegalArgumentException("stockAdjustment with reason COUNT needs quantityOnHand");
        }
    }
}
