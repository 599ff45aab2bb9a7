package org.omnichannel.core.inventory;

import org.omnichannel.core.event.ChannelKind;

import java.util.List;
import java.util.Map;

/**
 * A small brand in Shanghai used by the example tests: a warehouse in the suburbs, two own
 * stores downtown, a store whose stock is not offered online, and a franchise store that keeps its
 * stock to itself; a web shop, a marketplace, the stores' tills.
 */
final class Network {

    static final GeoPoint WAREHOUSE_SITE = new GeoPoint(31.0500, 121.2000);   // Songjiang
    static final GeoPoint PEOPLES_SQUARE = new GeoPoint(31.2304, 121.4737);
    static final GeoPoint LUJIAZUI = new GeoPoint(31.2397, 121.4998);
    static final GeoPoint XUJIAHUI = new GeoPoint(31.1955, 121.4365);
    static final GeoPoint JINGAN = new GeoPoint(31.2286, 121.4480);
    static final GeoPoint BEIJING = new GeoPoint(39.9042, 116.4074);

    static final String WH = "WH-SONGJIANG";
    static final String STORE_PS = "STORE-PEOPLES-SQ";
    static final String STORE_LJZ = "STORE-LUJIAZUI";
    static final String STORE_XJH = "STORE-XUJIAHUI";      // stock not offered online
    static final String FRANCHISE = "FRANCHISE-JINGAN";    // keeps its stock to itself

    static final String WEB = "web-cn";
    static final String TMALL = "tmall";
    static final String POS_PS = "pos-peoples-sq";
    static final String POS_XJH = "pos-xujiahui";
    static final String POS_FRANCHISE = "pos-franchise-jingan";

    private Network() {
    }

    static List<Facility> facilities() {
        return List.of(
                Facility.shared(WH, FacilityKind.WAREHOUSE, WAREHOUSE_SITE),
                Facility.shared(STORE_PS, FacilityKind.OWN_STORE, PEOPLES_SQUARE),
                Facility.shared(STORE_LJZ, FacilityKind.OWN_STORE, LUJIAZUI),
                Facility.shared(STORE_XJH, FacilityKind.OWN_STORE, XUJIAHUI).withSharing(StockSharing.OFFLINE_CHANNELS_ONLY, null),
                Facility.franchiseNotSharing(FRANCHISE, JINGAN, POS_FRANCHISE));
    }

    static List<ChannelRule> rules() {
        return List.of(
                ChannelRule.ofKinds(WEB, ChannelKind.OWN_ECOMMERCE, FacilityKind.WAREHOUSE, FacilityKind.OWN_STORE,
                        FacilityKind.FRANCHISE_STORE).withPriority(2),
                ChannelRule.of(TMALL, ChannelKind.MARKETPLACE, WH).withSafetyStock(1, 0).withPriority(1),
                ChannelRule.of(POS_PS, ChannelKind.OFFLINE_DIRECT, STORE_PS),
                ChannelRule.of(POS_XJH, ChannelKind.OFFLINE_DIRECT, STORE_XJH),
                ChannelRule.of(POS_FRANCHISE, ChannelKind.OFFLINE_FRANCHISE, FRANCHISE));
    }

    static AllocationRules allocationRules() {
        return AllocationRules.of(facilities(), rules());
    }

    static StockLedger ledger() {
        return new StockLedger(allocationRules());
    }

    static Map<String, Long> sellableByListing(StockLedger ledger, String productId) {
        Allocation allocation = ledger.allocationOf(productId);
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Listing listing : ledger.rules().listings()) {
            out.put(listing.toString(), allocation == null ? 0 : allocation.sellable(listing.index()));
        }
        return out;
    }
}
