package org.omnichannel.core.inventory;

import org.omnichannel.core.event.ChannelKind;

/**
 * One figure a channel is told per product: the whole channel (locationId null) or one of its
 * vendor locations. Built by {@link AllocationRules} from a {@link ChannelRule}.
 *
 * @param index       position in {@link AllocationRules#listings()}
 * @param facilities  indexes into {@link AllocationRules#facilities()} that feed this listing
 */
public record Listing(int index, String channelId, String locationId, ChannelKind kind, int[] facilities,
                      SafetyStock safetyStock, long cap, int priority, int weight) {

    public Listing {
        facilities = facilities.clone();
    }

    /** Indexes of the facilities that feed this listing (a copy). */
    @Override
    public int[] facilities() {
        return facilities.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Listing that && index == that.index && cap == that.cap && priority == that.priority
                && weight == that.weight && channelId.equals(that.channelId)
                && java.util.Objects.equals(locationId, that.locationId) && kind == that.kind
                && java.util.Arrays.equals(facilities, that.facilities) && safetyStock.equals(that.safetyStock);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(index, channelId, locationId, kind, java.util.Arrays.hashCode(facilities),
                safetyStock, cap, priority, weight);
    }

    /** The most share this listing can use: more would be held back or exceed the cap. */
    public long capacity() {
        if (safetyStock.percent() == 100) {
            return 0;
        }
        return cap == Long.MAX_VALUE ? Long.MAX_VALUE : safetyStock.shareNeededFor(cap);
    }

    /** What the listing may sell out of a share. */
    public long sellable(long share) {
        return Math.min(cap, safetyStock.sellableFrom(share));
    }

    @Override
    public String toString() {
        return locationId == null ? channelId : channelId + "@" + locationId;
    }
}
