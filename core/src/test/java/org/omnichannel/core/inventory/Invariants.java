package org.omnichannel.core.inventory;

import java.util.List;

/** The allocation invariants, checked against a ledger's live state (used by several tests). */
final class Invariants {

    private Invariants() {
    }

    /**
     * Checks one product: no facility gives away more than it can promise, each listing sells no
     * more than its share less safety stock and its cap, the channels together sell no more than
     * ATP less the safety stock they hold back, and no stock is left idle while a listing that
     * could take it is below its capacity.
     */
    static void check(StockLedger ledger, String productId) {
        ProductStock stock = ledger.existing(productId);
        stock.lock.lock();
        try {
            check(ledger.rules(), stock.atp(), stock.allocation(), productId);
        } finally {
            stock.lock.unlock();
        }
    }

    static void check(AllocationRules rules, long[] atp, Allocation allocation, String productId) {
        if (allocation == null) {
            return;
        }
        List<Listing> listings = rules.listings();
        long[] sharesFromParts = new long[listings.size()];
        long atpFedToChannels = 0;
        for (int f = 0; f < atp.length; f++) {
            int[] feed = rules.feedOf(f);
            long given = 0;
            for (int i = 0; i < feed.length; i++) {
                long part = allocation.part(f, i);
                require(part >= 0, productId, "negative part at facility " + f);
                given += part;
                sharesFromParts[feed[i]] += part;
            }
            long promisable = Math.max(0, atp[f]);
            require(given <= promisable, productId, "facility " + rules.facilities().get(f).id() + " gives " + given
                    + " but can promise " + promisable);
            if (feed.length > 0) {
                atpFedToChannels += promisable;
            }
            if (given < promisable) {
                for (int l : feed) {
                    require(allocation.share(l) >= listings.get(l).capacity(), productId,
                            "facility " + rules.facilities().get(f).id() + " keeps " + (promisable - given)
                                    + " idle while " + listings.get(l) + " is below its capacity");
                }
            }
        }
        long totalSellable = 0;
        long safetyHeldBack = 0;
        for (Listing listing : listings) {
            int l = listing.index();
            long share = allocation.share(l);
            long sellable = allocation.sellable(l);
            require(share == sharesFromParts[l], productId, listing + " share " + share + " != sum of its parts " + sharesFromParts[l]);
            require(sellable >= 0, productId, listing + " sells a negative figure");
            require(sellable <= listing.cap(), productId, listing + " sells " + sellable + " above its cap " + listing.cap());
            long heldBack = listing.safetyStock().withheldFrom(share);
            require(sellable <= share - heldBack, productId, listing + " sells " + sellable + " of a share of " + share
                    + " that must hold back " + heldBack);
            totalSellable += sellable;
            safetyHeldBack += heldBack;
        }
        require(totalSellable <= atpFedToChannels - safetyHeldBack, productId, "channels may sell " + totalSellable
                + " but ATP less safety stock is " + (atpFedToChannels - safetyHeldBack));
    }

    private static void require(boolean ok, String productId, String message) {
        if (!ok) {
            throw new AssertionError(productId + ": " + message);
        }
    }
}
