package org.omnichannel.core.event;

/**
 * What happened. Each type carries exactly one kind of payload ({@link #payloadType()}), so a
 * reader never has to guess which fields to expect.
 */
public enum EventType {
    ORDER_PLACED(OrderPayload.class),
    ORDER_UPDATED(OrderPayload.class),
    ORDER_CANCELLED(OrderPayload.class),
    REFUND_ISSUED(RefundPayload.class),
    PAYMENT_CAPTURED(PaymentPayload.class),
    /** A fan did something that is not a transaction; the subtype is {@link InteractionPayload#subtype()}. */
    INTERACTION(InteractionPayload.class),
    /** A channel asserts that the identities of the event belong to one person. */
    IDENTITY_LINKED(IdentityLinkPayload.class),
    STOCK_ADJUSTED(StockAdjustmentPayload.class),
    FAN_PROFILE_UPDATED(FanProfilePayload.class);

    private final Class<? extends EventPayload> payloadType;

    EventType(Class<? extends EventPayload> payloadType) {
        this.payloadType = payloadType;
    }

    /** The payload record that events of this type carry. */
    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** True for the three order types. */
    public boolean isOrder() {
        return payloadType == OrderPayload.class;
    }
}
