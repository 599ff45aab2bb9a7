package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;

/**
 * What a fan did, as one line of the timeline: the interaction subtypes plus the transactions and
 * the two bookkeeping events (identity linked, profile updated). Each activity says how the value
 * index treats it.
 */
public enum Activity {
    VISIT(Role.BEHAVIOUR),
    PRODUCT_VIEW(Role.BEHAVIOUR),
    TRY_ON(Role.BEHAVIOUR),
    CART_ADD(Role.BEHAVIOUR),
    FOLLOW(Role.BEHAVIOUR),
    LIKE(Role.BEHAVIOUR),
    COMMENT(Role.BEHAVIOUR),
    MESSAGE(Role.BEHAVIOUR),
    COMPLAINT(Role.BEHAVIOUR),
    SERVICE_CALL(Role.BEHAVIOUR),
    REFERRAL(Role.BEHAVIOUR),
    ORDER_PLACED(Role.PURCHASE),
    ORDER_UPDATED(Role.PURCHASE),
    ORDER_CANCELLED(Role.REVERSAL),
    REFUND(Role.REVERSAL),
    PAYMENT(Role.PURCHASE),
    IDENTITY_LINKED(Role.BOOKKEEPING),
    PROFILE_UPDATED(Role.BOOKKEEPING);

    /** How an activity counts. */
    public enum Role {
        /** Non-transaction behaviour: counts for engagement, breadth and recency. */
        BEHAVIOUR,
        /** Buying: counts for breadth and recency (ORDER_PLACED also for frequency and monetary value). */
        PURCHASE,
        /** Takes money back (cancellation, refund): lowers frequency or monetary value. */
        REVERSAL,
        /** Says something about the fan, not something the fan did: on the timeline, outside the index. */
        BOOKKEEPING
    }

    private final Role role;
    private final InteractionKind interaction;

    Activity(Role role) {
        this.role = role;
        this.interaction = role == Role.BEHAVIOUR ? InteractionKind.valueOf(name()) : null;
    }

    /** The interaction subtype of a behaviour, null for the others. */
    public InteractionKind interaction() {
        return interaction;
    }

    public Role role() {
        return role;
    }

    /** True when doing this shows the fan uses the channel (breadth) and is alive (recency). */
    public boolean isChannelUse() {
        return role == Role.BEHAVIOUR || role == Role.PURCHASE;
    }

    /** The activity of an interaction subtype. */
    public static Activity of(InteractionKind kind) {
        return valueOf(kind.name());
    }

    /** The activity of a non-interaction event type, or null for types that are not about a fan. */
    static Activity ofType(EventType type) {
        return switch (type) {
            case ORDER_PLACED -> ORDER_PLACED;
            case ORDER_UPDATED -> ORDER_UPDATED;
            case ORDER_CANCELLED -> ORDER_CANCELLED;
            case REFUND_ISSUED -> REFUND;
            case PAYMENT_CAPTURED -> PAYMENT;
            case IDENTITY_LINKED -> IDENTITY_LINKED;
            case FAN_PROFILE_UPDATED -> PROFILE_UPDATED;
            case INTERACTION, STOCK_ADJUSTED -> null;
        };
    }
}
