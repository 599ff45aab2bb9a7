package org.omnichannel.core.inventory;

/**
 * How one product's available-to-promise is split between the listings at one moment.
 * Arrays are indexed as in {@link AllocationRules}; the allocator builds a fresh one each time and
 * nobody changes it afterwards.
 *
 * @param shares   units of stock given to each listing (before its safety stock)
 * @param sellable what each listing may sell: its share less safety stock, within its cap
 * @param parts    per facility, the units given to each listing it feeds (aligned with the facility's feed list)
 */
public record Allocation(long[] shares, long[] sellable, long[][] parts) {

    /** Units withheld as safety stock over all listings. */
    public long withheld() {
        long sum = 0;
        for (int l = 0; l < shares.length; l++) {
            sum += shares[l] - sellable[l];
        }
        return sum;
    }

    /** What all listings may sell together. */
    public long totalSellable() {
        long sum = 0;
        for (long s : sellable) {
            sum += s;
        }
        return sum;
    }
}
