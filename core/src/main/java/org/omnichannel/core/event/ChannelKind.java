package org.omnichannel.core.event;

/** The five kinds of channel a brand sells and talks to fans through. */
public enum ChannelKind {
    /** The brand's own stores. */
    OFFLINE_DIRECT,
    /** Franchise stores: the brand's name, someone else's till and staff. */
    OFFLINE_FRANCHISE,
    /** The brand's own web shop and app. */
    OWN_ECOMMERCE,
    /** Third-party marketplaces (Amazon, Tmall, eBay, Douyin shop...). */
    MARKETPLACE,
    /** Social media accounts (WeChat official accounts, Instagram, Facebook...). */
    SOCIAL;

    /** True for the two kinds of physical store, whose orders are often anonymous. */
    public boolean isOffline() {
        return this == OFFLINE_DIRECT || this == OFFLINE_FRANCHISE;
    }
}
