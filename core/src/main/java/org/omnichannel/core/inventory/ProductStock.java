package org.omnichannel.core.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One product's stock at every facility, its current allocation and what was last decided for
 * each listing. Mutable: every access holds {@link #lock}.
 */
final class ProductStock {

    final String productId;
    final String sku;
    final ReentrantLock lock = new ReentrantLock();
    final long[] onHand;
    final long[] reserved;
    final long[] inTransit;
    private final long[] decided;
    private Allocation allocation;
    private long sequence;

    ProductStock(String productId, String sku, int facilities, int listings) {
        this.productId = productId;
        this.sku = sku == null ? productId : sku;
        this.onHand = new long[facilities];
        this.reserved = new long[facilities];
        this.inTransit = new long[facilities];
        this.decided = new long[listings];
        Arrays.fill(decided, -1);
    }

    long atp(int f) {
        return onHand[f] - reserved[f];
    }

    long[] atp() {
        long[] atp = new long[onHand.length];
        for (int f = 0; f < atp.length; f++) {
            atp[f] = onHand[f] - reserved[f];
        }
        return atp;
    }

    Allocation allocation() {
        return allocation;
    }

    /**
     * Recomputes the allocation and returns the decisions for listings whose figure changed
     * (every listing the first time), decreases first.
     */
    List<StockLevelUpdate> reallocate(Allocator allocator) {
        List<StockLevelUpdate> decreases = new ArrayList<>();
        List<StockLevelUpdate> increases = new ArrayList<>();
        reallocate(allocator, decreases, increases);
        if (decreases.isEmpty()) {
            return increases;
        }
        decreases.addAll(increases);
        return decreases;
    }

    /** As {@link #reallocate(Allocator)}, adding the decisions to the two lists (so several products can be merged). */
    void reallocate(Allocator allocator, List<StockLevelUpdate> decreases, List<StockLevelUpdate> increases) {
        allocation = allocator.allocate(atp());
        List<Listing> listings = allocator.rules().listings();
        long seq = ++sequence;
        long[] sellable = allocation.sellableArray();
        for (int l = 0; l < sellable.length; l++) {
            if (sellable[l] == decided[l]) {
                continue;
            }
            Listing listing = listings.get(l);
            StockLevelUpdate update = new StockLevelUpdate(listing.channelId(), sku, productId, listing.locationId(),
                    BigDecimal.valueOf(sellable[l]), seq);
            (sellable[l] < decided[l] ? decreases : increases).add(update);
            decided[l] = sellable[l];
        }
    }

    /** Reallocates several locked products; all decreases come before all increases. */
    static List<StockLevelUpdate> reallocateAll(Iterable<ProductStock> stocks, Allocator allocator) {
        List<StockLevelUpdate> decreases = new ArrayList<>();
        List<StockLevelUpdate> increases = new ArrayList<>();
        for (ProductStock stock : stocks) {
            stock.reallocate(allocator, decreases, increases);
        }
        decreases.addAll(increases);
        return decreases;
    }
}
