package org.omnichannel.core.incentive;

import org.omnichannel.core.event.InteractionKind;

/**
 * Work an employee does for a fan that a plan can reward, whether or not anything is sold.
 * Each interaction subtype is an activity of its own; {@link #CONTACT_COLLECTED} is derived: an
 * employee recorded contact details (phone, e-mail, WeChat...) of a fan the engine had not yet
 * seen collected, buyer or not.
 */
public enum ActivityKind {
    /** An employee collected the contact details of a fan for the first time. */
    CONTACT_COLLECTED,
    VISIT,
    PRODUCT_VIEW,
    TRY_ON,
    CART_ADD,
    FOLLOW,
    LIKE,
    COMMENT,
    MESSAGE,
    /** An employee answered a complaint. */
    COMPLAINT,
    /** An employee handled a service call; plans usually require {@code outcome=resolved}. */
    SERVICE_CALL,
    /** An employee sent the fan to another channel (the commission comes with the later order). */
    REFERRAL;

    /** The activity an interaction subtype is. */
    public static ActivityKind of(InteractionKind subtype) {
        return switch (subtype) {
            case VISIT -> VISIT;
            case PRODUCT_VIEW -> PRODUCT_VIEW;
            case TRY_ON -> TRY_ON;
            case CART_ADD -> CART_ADD;
            case FOLLOW -> FOLLOW;
            case LIKE -> LIKE;
            case COMMENT -> COMMENT;
            case MESSAGE -> MESSAGE;
            case COMPLAINT -> COMPLAINT;
            case SERVICE_CALL -> SERVICE_CALL;
            case REFERRAL -> REFERRAL;
        };
    }
}
