package org.omnichannel.core.event;

/** The subtypes of {@link EventType#INTERACTION}: behaviour, not transactions. */
public enum InteractionKind {
    VISIT,
    PRODUCT_VIEW,
    TRY_ON,
    CART_ADD,
    FOLLOW,
    LIKE,
    COMMENT,
    MESSAGE,
    COMPLAINT,
    SERVICE_CALL,
    /** An employee sent the fan to another channel (out of stock here, in stock there). */
    REFERRAL
}
