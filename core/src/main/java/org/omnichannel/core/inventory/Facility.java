package org.omnichannel.core.inventory;

/**
 * A place that holds stock: an OFBiz Facility.
 *
 * @param id             the OFBiz facilityId
 * @param kind           warehouse, own store or franchise store
 * @param location       where it is (routing measures distances from here)
 * @param sharing        which channels may sell its stock
 * @param ownerChannelId the one channel that may sell it when sharing is {@link StockSharing#OWNER_CHANNEL_ONLY}, else null
 * @param priority       routing preference, 0 = neutral; higher is preferred (see docs/inventory.md)
 * @param walkInReserve  units of each product a store would rather keep on its shelf for walk-in fans;
 *                       routing pays a penalty for taking stock below it (0 for warehouses)
 */
public record Facility(String id, FacilityKind kind, GeoPoint location, StockSharing sharing, String ownerChannelId,
                       int priority, long walkInReserve) {

    public Facility {
        id = Names.requireId(id, "facility.id");
        if (kind == null) {
            throw new IllegalArgumentException("facility '" + id + "' needs a kind");
        }
        if (location == null) {
            throw new IllegalArgumentException("facility '" + id + "' needs a location (latitude/longitude)");
        }
        sharing = sharing == null ? StockSharing.ALL_CHANNELS : sharing;
        ownerChannelId = ownerChannelId == null || ownerChannelId.isBlank() ? null : ownerChannelId.strip();
        if (sharing == StockSharing.OWNER_CHANNEL_ONLY && ownerChannelId == null) {
            throw new IllegalArgumentException("facility '" + id + "' shares stock with its owner channel only: name ownerChannelId");
        }
        if (sharing != StockSharing.OWNER_CHANNEL_ONLY && ownerChannelId != null) {
            throw new IllegalArgumentException("facility '" + id + "' names ownerChannelId '" + ownerChannelId
                    + "' but its sharing is " + sharing + ": use OWNER_CHANNEL_ONLY or drop the owner");
        }
        if (walkInReserve < 0) {
            throw new IllegalArgumentException("facility '" + id + "' walkInReserve must not be negative, was " + walkInReserve);
        }
    }

    /** A facility whose stock every channel selecting it may sell. */
    public static Facility shared(String id, FacilityKind kind, GeoPoint location) {
        return new Facility(id, kind, location, StockSharing.ALL_CHANNELS, null, 0, 0);
    }

    /** A franchise store whose stock only its own channel (its till) may sell. */
    public static Facility franchiseNotSharing(String id, GeoPoint location, String ownerChannelId) {
        return new Facility(id, FacilityKind.FRANCHISE_STORE, location, StockSharing.OWNER_CHANNEL_ONLY, ownerChannelId, 0, 0);
    }

    /** This facility with a walk-in reserve of {@code units} per product. */
    public Facility withWalkInReserve(long units) {
        return new Facility(id, kind, location, sharing, ownerChannelId, priority, units);
    }

    /** This facility with a routing priority. */
    public Facility withPriority(int newPriority) {
        return new Facility(id, kind, location, sharing, ownerChannelId, newPriority, walkInReserve);
    }

    /** This facility with another sharing (an owner channel only for OWNER_CHANNEL_ONLY). */
    public Facility withSharing(StockSharing newSharing, String owner) {
        return new Facility(id, kind, location, newSharing, owner, priority, walkInReserve);
    }

    /** May a channel of this id and kind sell this facility's stock? */
    public boolean sellableBy(String channelId, org.omnichannel.core.event.ChannelKind channelKind) {
        return switch (sharing) {
            case ALL_CHANNELS -> true;
            case OFFLINE_CHANNELS_ONLY -> channelKind.isOffline();
            case OWNER_CHANNEL_ONLY -> ownerChannelId.equals(channelId);
        };
    }
}
