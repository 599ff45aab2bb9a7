package org.omnichannel.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Questions other engines ask about stock ("is it available here, on this channel, nearby?"),
 * answered from the engine's live view. Unknown products have no stock; unknown facilities and
 * channels are errors that name them.
 */
public interface StockAvailability {

    /** The product at one facility (empty when the engine has never heard of the product). */
    Optional<FacilityStock> atFacility(String productId, String facilityId);

    /** Whether at least {@code units} of the product can be promised at the facility. */
    default boolean isAvailableAt(String productId, String facilityId, long units) {
        return atFacility(productId, facilityId).map(s -> s.has(units)).orElse(false);
    }

    /** What the channel may sell of the product now (over all its locations). */
    long availableToSell(String productId, String channelId);

    /** Whether the channel may sell at least {@code units} of the product now. */
    default boolean isAvailableOn(String productId, String channelId, long units) {
        return availableToSell(productId, channelId) >= units;
    }

    /**
     * Stores within {@code radiusKm} of {@code where} that can promise at least {@code units}, nearest first.
     */
    List<NearbyStock> nearbyStores(String productId, GeoPoint where, double radiusKm, long units);

    /** The product at every facility that has or expects any, in the facilities' order. */
    List<FacilityStock> everywhere(String productId);
}
