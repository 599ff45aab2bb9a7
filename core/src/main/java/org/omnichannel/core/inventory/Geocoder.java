package org.omnichannel.core.inventory;

import org.omnichannel.core.event.Address;

import java.util.Optional;

/**
 * The port that turns a shipping address into a point for routing. The OFBiz plugin implements it
 * with OFBiz's PostalAddress geoPointId (GeoPoint latitude/longitude) or a postal-code table.
 */
@FunctionalInterface
public interface Geocoder {

    Optional<GeoPoint> locate(Address address);
}
