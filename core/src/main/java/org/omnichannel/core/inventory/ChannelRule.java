package org.omnichannel.core.inventory;

import org.omnichannel.core.event.ChannelKind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How one channel is fed with stock: data, not code (the OFBiz plugin keeps these in its own
 * entity and the integration engineer edits them).
 *
 * @param channelId      the channel (as in ChannelEvent.channelId and the outbox)
 * @param kind           the channel's kind; online kinds never see stock of facilities not offered online
 * @param facilityIds    facilities that feed the channel, by id
 * @param facilityKinds  feed the channel from every facility of these kinds as well (skipping facilities
 *                       the channel may not sell from, and those another rule holds exclusively)
 * @param safetyStock    what the channel keeps back from its share
 * @param cap            the most the channel is ever shown (null: no cap)
 * @param priority       higher first: a unit that cannot be split evenly goes to the higher priority
 * @param weight         relative share of a shared facility (1 to 1000)
 * @param exclusive      the selected facilities feed this channel only (an exclusive pool)
 * @param locations      facilityId → the vendor's location id, for channels that keep stock per location
 *                       (Shopify, Square); empty for one figure per product (locationId null)
 */
public record ChannelRule(String channelId, ChannelKind kind, Set<String> facilityIds, Set<FacilityKind> facilityKinds,
                          SafetyStock safetyStock, Long cap, int priority, int weight, boolean exclusive,
                          Map<String, String> locations) {

    public ChannelRule {
        channelId = Names.requireId(channelId, "channelRule.channelId");
        if (kind == null) {
            throw new IllegalArgumentException("channel rule '" + channelId + "' needs a kind");
        }
        facilityIds = facilityIds == null ? Set.of() : Set.copyOf(facilityIds);
        facilityKinds = facilityKinds == null ? Set.of() : Set.copyOf(facilityKinds);
        if (facilityIds.isEmpty() && facilityKinds.isEmpty()) {
            throw new IllegalArgumentException("channel rule '" + channelId + "' selects no facility: name facilityIds or facilityKinds");
        }
        safetyStock = safetyStock == null ? SafetyStock.NONE : safetyStock;
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("channel rule '" + channelId + "' cap must not be negative, was " + cap);
        }
        if (weight < 1 || weight > 1000) {
            throw new IllegalArgumentException("channel rule '" + channelId + "' weight must be between 1 and 1000, was " + weight);
        }
        locations = locations == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(locations));
    }

    /** A channel fed by the named facilities, sharing them, no safety stock, no cap. */
    public static ChannelRule of(String channelId, ChannelKind kind, String... facilityIds) {
        return new ChannelRule(channelId, kind, Set.of(facilityIds), Set.of(), SafetyStock.NONE, null, 0, 1, false, Map.of());
    }

    /** A channel fed by every facility of the given kinds. */
    public static ChannelRule ofKinds(String channelId, ChannelKind kind, FacilityKind... kinds) {
        return new ChannelRule(channelId, kind, Set.of(), Set.of(kinds), SafetyStock.NONE, null, 0, 1, false, Map.of());
    }

    public ChannelRule withSafetyStock(long units, int percent) {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, new SafetyStock(units, percent), cap, priority,
                weight, exclusive, locations);
    }

    public ChannelRule withCap(Long newCap) {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, safetyStock, newCap, priority, weight, exclusive,
                locations);
    }

    public ChannelRule withPriority(int newPriority) {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, safetyStock, cap, newPriority, weight, exclusive,
                locations);
    }

    public ChannelRule withWeight(int newWeight) {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, safetyStock, cap, priority, newWeight, exclusive,
                locations);
    }

    public ChannelRule asExclusive() {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, safetyStock, cap, priority, weight, true,
                locations);
    }

    public ChannelRule withLocations(Map<String, String> facilityToLocation) {
        return new ChannelRule(channelId, kind, facilityIds, facilityKinds, safetyStock, cap, priority, weight, exclusive,
                facilityToLocation);
    }
}
