package org.omnichannel.core.fan.insight;

/** What next-best-action can suggest to a clerk or the service desk. */
public enum ActionKind {
    /** Call the fan back about an open order they complained about. */
    SERVICE_CALLBACK,
    /** Offer to take the order back in a store. */
    OFFER_STORE_RETURN,
    /** Show the clerk the products the fan browsed online. */
    SHOW_BROWSED_PRODUCTS,
    /** The product is out of stock here: send the fan to a channel or store that has it (a referral). */
    SUGGEST_OTHER_CHANNEL,
    /** A once iron fan has gone quiet: make a retention offer. */
    RETENTION_OFFER
}
