package org.omnichannel.core.inventory;

/** Which channels may sell a facility's stock. */
public enum StockSharing {
    /** Every channel whose rule selects the facility (the default for warehouses and own stores). */
    ALL_CHANNELS,
    /** Store stock not offered online: only offline channels (the stores' own tills) may sell it. */
    OFFLINE_CHANNELS_ONLY,
    /** Stock that belongs to one channel only, e.g. a franchise store that does not share: {@link Facility#ownerChannelId()}. */
    OWNER_CHANNEL_ONLY
}
