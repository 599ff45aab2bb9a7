package org.omnichannel.core.inventory;

/**
 * A store near a fan that has a product on its shelf.
 *
 * @param sharesWithChannels false for a franchise store that keeps its stock to itself: the fan can
 *                           walk in and buy, but no other channel can reserve it
 */
public record NearbyStock(String facilityId, FacilityKind kind, double distanceKm, long availableToPromise,
                          boolean sharesWithChannels) {
}
