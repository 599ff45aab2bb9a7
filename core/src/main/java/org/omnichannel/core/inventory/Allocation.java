package org.omnichannel.core.inventory;

/**
 * How one product's available-to-promise is split between the listings at one moment. Indexes are
 * those of {@link AllocationRules}; the allocator builds a fresh one each time and nobody changes it
 * afterwards (the arrays never leave the package).
 */
public final class Allocation {

    private final long[] shares;
    private final long[] sellable;
    private final long[][] parts;

    Allocation(long[] shares, long[] sellable, long[][] parts) {
        this.shares = shares;
        this.sellable = sellable;
        this.parts = parts;
    }

    /** Units of stock given to a listing, before its safety stock. */
    public long share(int listing) {
        return shares[listing];
    }

    /** What a listing may sell: its share less safety stock, within its cap. */
    public long sellable(int listing) {
        return sellable[listing];
    }

    /** Units facility f gives to the i-th listing it feeds ({@link AllocationRules#feedOf(int)}). */
    public long part(int facility, int i) {
        return parts[facility][i];
    }

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

    long[] sellableArray() {
        return sellable;
    }
}
