package org.omnichannel.core.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facilities and channel rules, checked once and turned into the indexed form the allocator
 * and the router use: facilities by index, listings by index, and for each facility the listings it feeds.
 * Immutable; to change rules, build a new one.
 */
public final class AllocationRules {

    private final List<Facility> facilities;
    private final Map<String, Integer> facilityIndex;
    private final List<Listing> listings;
    private final int[][] listingsByFacility;
    private final Map<String, int[]> listingsByChannel;
    private final Map<String, boolean[]> facilitiesByChannel;
    private final Map<String, ChannelRule> rules;

    private AllocationRules(List<Facility> facilities, List<ChannelRule> channelRules) {
        this.facilities = List.copyOf(facilities);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.facilities.size(); i++) {
            if (index.put(this.facilities.get(i).id(), i) != null) {
                throw new IllegalArgumentException("facility '" + this.facilities.get(i).id() + "' is listed twice");
            }
        }
        this.facilityIndex = Map.copyOf(index);
        Map<String, ChannelRule> byChannel = new LinkedHashMap<>();
        for (ChannelRule rule : channelRules) {
            if (byChannel.put(rule.channelId(), rule) != null) {
                throw new IllegalArgumentException("channel '" + rule.channelId() + "' has two rules: merge them into one");
            }
        }
        this.rules = Collections.unmodifiableMap(byChannel);
        Map<Integer, String> exclusiveOwner = exclusiveClaims(channelRules);
        List<Listing> built = new ArrayList<>();
        Map<String, int[]> channelListings = new HashMap<>();
        Map<String, boolean[]> channelFacilities = new HashMap<>();
        for (ChannelRule rule : channelRules) {
            boolean[] selected = select(rule, exclusiveOwner);
            channelFacilities.put(rule.channelId(), selected);
            int first = built.size();
            addListings(rule, selected, built);
            int[] own = new int[built.size() - first];
            for (int i = 0; i < own.length; i++) {
                own[i] = first + i;
            }
            channelListings.put(rule.channelId(), own);
        }
        this.listings = List.copyOf(built);
        this.listingsByChannel = Map.copyOf(channelListings);
        this.facilitiesByChannel = Map.copyOf(channelFacilities);
        List<List<Integer>> feeds = new ArrayList<>();
        for (int f = 0; f < this.facilities.size(); f++) {
            feeds.add(new ArrayList<>());
        }
        for (Listing listing : this.listings) {
            for (int f : listing.facilities()) {
                feeds.get(f).add(listing.index());
            }
        }
        this.listingsByFacility = new int[feeds.size()][];
        for (int f = 0; f < feeds.size(); f++) {
            this.listingsByFacility[f] = feeds.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Checks the facilities and rules and indexes them; every problem is reported with the names involved. */
    public static AllocationRules of(List<Facility> facilities, List<ChannelRule> channelRules) {
        return new AllocationRules(facilities, channelRules);
    }

    private Map<Integer, String> exclusiveClaims(List<ChannelRule> channelRules) {
        Map<Integer, String> owner = new HashMap<>();
        for (ChannelRule rule : channelRules) {
            if (!rule.exclusive()) {
                continue;
            }
            for (int f = 0; f < facilities.size(); f++) {
                Facility facility = facilities.get(f);
                boolean named = rule.facilityIds().contains(facility.id());
                boolean byKind = rule.facilityKinds().contains(facility.kind()) && facility.sellableBy(rule.channelId(), rule.kind());
                if (named || byKind) {
                    String previous = owner.putIfAbsent(f, rule.channelId());
                    if (previous != null) {
                        throw new IllegalArgumentException("facility '" + facility.id() + "' is claimed exclusively by both '"
                                + previous + "' and '" + rule.channelId() + "'");
                    }
                }
            }
        }
        return owner;
    }

    private boolean[] select(ChannelRule rule, Map<Integer, String> exclusiveOwner) {
        boolean[] selected = new boolean[facilities.size()];
        for (String id : rule.facilityIds()) {
            Integer f = facilityIndex.get(id);
            if (f == null) {
                throw new IllegalArgumentException("channel rule '" + rule.channelId() + "' names facility '" + id
                        + "', which is not among the facilities");
            }
            Facility facility = facilities.get(f);
            if (!facility.sellableBy(rule.channelId(), rule.kind())) {
                throw new IllegalArgumentException("channel rule '" + rule.channelId() + "' names facility '" + id
                        + "', whose stock is " + facility.sharing() + (facility.ownerChannelId() == null ? "" : " ('"
                        + facility.ownerChannelId() + "')") + ": the " + rule.kind() + " channel may not sell it");
            }
            String owner = exclusiveOwner.get(f);
            if (owner != null && !owner.equals(rule.channelId())) {
                throw new IllegalArgumentException("channel rule '" + rule.channelId() + "' names facility '" + id
                        + "', which feeds '" + owner + "' exclusively");
            }
            selected[f] = true;
        }
        for (int f = 0; f < facilities.size(); f++) {
            Facility facility = facilities.get(f);
            String owner = exclusiveOwner.get(f);
            if (rule.facilityKinds().contains(facility.kind()) && facility.sellableBy(rule.channelId(), rule.kind())
                    && (owner == null || owner.equals(rule.channelId()))) {
                selected[f] = true;
            }
        }
        return selected;
    }

    private void addListings(ChannelRule rule, boolean[] selected, List<Listing> out) {
        long cap = rule.cap() == null ? Long.MAX_VALUE : rule.cap();
        if (rule.locations().isEmpty()) {
            out.add(new Listing(out.size(), rule.channelId(), null, rule.kind(), indexes(selected),
                    rule.safetyStock(), cap, rule.priority(), rule.weight()));
            return;
        }
        Map<String, List<Integer>> byLocation = new TreeMap<>();
        for (Map.Entry<String, String> e : rule.locations().entrySet()) {
            Integer f = facilityIndex.get(e.getKey());
            if (f == null || !selected[f]) {
                throw new IllegalArgumentException("channel rule '" + rule.channelId() + "' maps facility '" + e.getKey()
                        + "' to location '" + e.getValue() + "', but that facility does not feed the channel");
            }
            byLocation.computeIfAbsent(Names.requireId(e.getValue(), "location of facility " + e.getKey()),
                    k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Integer>> e : byLocation.entrySet()) {
            int[] feed = e.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            out.add(new Listing(out.size(), rule.channelId(), e.getKey(), rule.kind(), feed,
                    rule.safetyStock(), cap, rule.priority(), rule.weight()));
        }
    }

    private static int[] indexes(boolean[] selected) {
        int n = 0;
        for (boolean b : selected) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int i = 0;
        for (int f = 0; f < selected.length; f++) {
            if (selected[f]) {
                out[i++] = f;
            }
        }
        return out;
    }

    public List<Facility> facilities() {
        return facilities;
    }

    public List<Listing> listings() {
        return listings;
    }

    public Map<String, ChannelRule> rules() {
        return rules;
    }

    public Optional<Integer> facilityIndex(String facilityId) {
        return Optional.ofNullable(facilityIndex.get(facilityId));
    }

    /** The facility's index, or a clear error naming it. */
    public int requireFacility(String facilityId) {
        Integer f = facilityIndex.get(facilityId);
        if (f == null) {
            throw new IllegalArgumentException("facility '" + facilityId + "' is not configured for inventory: add it to the facilities");
        }
        return f;
    }

    /** The listings (indexes) of a channel, or a clear error naming it. */
    public int[] requireChannel(String channelId) {
        int[] own = listingsByChannel.get(channelId);
        if (own == null) {
            throw new IllegalArgumentException("channel '" + channelId + "' has no allocation rule: add one");
        }
        return own;
    }

    /** Whether facility f may feed orders of the channel (it is selected by the channel's rule). */
    public boolean feeds(String channelId, int f) {
        boolean[] selected = facilitiesByChannel.get(channelId);
        return selected != null && selected[f];
    }

    /** Listings fed by facility f (indexes), in the order {@link Allocation#part(int, int)} uses. */
    public int[] feedOf(int f) {
        return listingsByFacility[f].clone();
    }

    /** As {@link #feedOf(int)}, without the copy (the allocator's hot path). */
    int[] listingsFedBy(int f) {
        return listingsByFacility[f];
    }
}
