package org.omnichannel.core.inventory;

import java.util.Arrays;
import java.util.List;

/**
 * Splits one product's available-to-promise between the listings, facility by facility, so that
 * no unit is ever given to two listings: the sum of what all channels may sell never exceeds the
 * available-to-promise less the safety stock they hold back.
 *
 * <p>Each facility's units go to the listings it feeds in proportion to their weights (rounded down);
 * a listing that reaches its capacity (its cap plus the safety stock it would hold back) drops out and
 * the rest is split again among the others; the few units left by rounding go one each to the
 * listings of highest priority, then least served so far. The result depends only on the stock and
 * the rules, so recomputing it is how every change is published.
 */
public final class Allocator {

    private static final long SHARE_KEY_MAX = (1L << 24) - 1;

    private final AllocationRules rules;
    private final long[] capacity;
    private final int[] weight;
    private final long[] priorityRank;
    /** Per facility, the all-zero parts of a facility with nothing to give (shared: allocations are never modified). */
    private final long[][] noParts;

    public Allocator(AllocationRules rules) {
        this.rules = rules;
        List<Listing> listings = rules.listings();
        this.capacity = new long[listings.size()];
        this.weight = new int[listings.size()];
        this.priorityRank = new long[listings.size()];
        this.noParts = new long[rules.facilities().size()][];
        for (int f = 0; f < noParts.length; f++) {
            noParts[f] = new long[rules.listingsFedBy(f).length];
        }
        int[] distinct = listings.stream().mapToInt(Listing::priority).distinct().sorted().toArray();
        for (Listing listing : listings) {
            capacity[listing.index()] = listing.capacity();
            weight[listing.index()] = listing.weight();
            // rank 0 is the highest priority
            priorityRank[listing.index()] = distinct.length - 1 - Arrays.binarySearch(distinct, listing.priority());
        }
    }

    public AllocationRules rules() {
        return rules;
    }

    /**
     * Allocates stock given each facility's available-to-promise (negative figures count as none).
     *
     * @param atp indexed like {@link AllocationRules#facilities()}
     */
    public Allocation allocate(long[] atp) {
        int listingCount = capacity.length;
        long[] shares = new long[listingCount];
        long[][] parts = new long[atp.length][];
        for (int f = 0; f < atp.length; f++) {
            int[] feed = rules.listingsFedBy(f);
            if (atp[f] > 0 && feed.length > 0) {
                parts[f] = new long[feed.length];
                distribute(atp[f], feed, parts[f], shares);
            } else {
                parts[f] = noParts[f];
            }
        }
        long[] sellable = new long[listingCount];
        List<Listing> listings = rules.listings();
        for (int l = 0; l < listingCount; l++) {
            sellable[l] = listings.get(l).sellable(shares[l]);
        }
        return new Allocation(shares, sellable, parts);
    }

    private void distribute(long units, int[] feed, long[] part, long[] shares) {
        boolean[] active = new boolean[feed.length];
        for (int i = 0; i < feed.length; i++) {
            active[i] = capacity[feed[i]] - shares[feed[i]] > 0;
        }
        while (units > 0) {
            long totalWeight = 0;
            int activeCount = 0;
            for (int i = 0; i < feed.length; i++) {
                if (active[i]) {
                    totalWeight += weight[feed[i]];
                    activeCount++;
                }
            }
            if (activeCount == 0) {
                return;
            }
            long given = 0;
            boolean capped = false;
            for (int i = 0; i < feed.length; i++) {
                if (!active[i]) {
                    continue;
                }
                int l = feed[i];
                long g = portion(units, weight[l], totalWeight);
                long room = capacity[l] - shares[l];
                if (g >= room) {
                    g = room;
                    active[i] = false;
                    capped = true;
                }
                part[i] += g;
                shares[l] += g;
                given += g;
            }
            units -= given;
            if (!capped && units > 0) {
                // fewer units left than active listings, each with room for at least one more
                giveRemainder(units, feed, part, shares, active, activeCount);
                return;
            }
        }
    }

    private void giveRemainder(long units, int[] feed, long[] part, long[] shares, boolean[] active, int activeCount) {
        long[] keys = new long[activeCount];
        int k = 0;
        for (int i = 0; i < feed.length; i++) {
            if (active[i]) {
                int l = feed[i];
                keys[k++] = (priorityRank[l] << 40) | (Math.min(shares[l], SHARE_KEY_MAX) << 16) | i;
            }
        }
        Arrays.sort(keys);
        for (int j = 0; j < units; j++) {
            int i = (int) (keys[j] & 0xFFFF);
            part[i]++;
            shares[feed[i]]++;
        }
    }

    /** floor(units * w / total) without overflow. */
    private static long portion(long units, int w, long total) {
        return (units / total) * w + ((units % total) * w) / total;
    }
}
