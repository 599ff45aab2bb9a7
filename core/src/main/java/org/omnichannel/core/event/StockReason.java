package org.omnichannel.core.event;

/** Why stock changed. */
public enum StockReason {
    RECEIPT,
    SALE,
    RETURN,
    TRANSFER_IN,
    TRANSFER_OUT,
    /** A physical count replaced the figure: {@link StockAdjustmentPayload#quantityOnHand()} is set. */
    COUNT,
    RESERVATION,
    RELEASE,
    DAMAGE
}
