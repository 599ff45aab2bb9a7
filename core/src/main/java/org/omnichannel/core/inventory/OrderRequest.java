package org.omnichannel.core.inventory;

import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;

import java.util.ArrayList;
import java.util.List;

/**
 * An order to route and reserve.
 *
 * @param destination      where a SHIP order goes (the geocoded shipping address); null for pick-up
 * @param pickupFacilityId the store a PICKUP_IN_STORE order is collected from
 */
public record OrderRequest(String orderId, String channelId, FulfilmentMode mode, GeoPoint destination,
                           String pickupFacilityId, List<RequestedLine> lines) {

    public OrderRequest {
        orderId = Names.requireId(orderId, "order.orderId");
        channelId = Names.requireId(channelId, "order " + orderId + " channelId");
        mode = mode == null ? FulfilmentMode.SHIP : mode;
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (lines.isEmpty() && mode != FulfilmentMode.DIGITAL) {
            throw new IllegalArgumentException("order " + orderId + " has no lines to route");
        }
        if (mode == FulfilmentMode.SHIP && destination == null) {
            throw new IllegalArgumentException("order " + orderId + " ships but has no destination: geocode its shipping address");
        }
        if (mode == FulfilmentMode.PICKUP_IN_STORE && (pickupFacilityId == null || pickupFacilityId.isBlank())) {
            throw new IllegalArgumentException("order " + orderId + " is PICKUP_IN_STORE but names no pick-up store");
        }
    }

    /** A shipped order. */
    public static OrderRequest ship(String orderId, String channelId, GeoPoint destination, RequestedLine... lines) {
        return new OrderRequest(orderId, channelId, FulfilmentMode.SHIP, destination, null, List.of(lines));
    }

    /** An order collected at a store. */
    public static OrderRequest pickUp(String orderId, String channelId, String storeId, RequestedLine... lines) {
        return new OrderRequest(orderId, channelId, FulfilmentMode.PICKUP_IN_STORE, null, storeId, List.of(lines));
    }

    /**
     * The request for a canonical order. {@code destination} is the geocoded shipping address (the
     * caller's geocoder; null for pick-up); SKUs are resolved to products by the ledger.
     */
    public static OrderRequest from(String channelId, OrderPayload order, GeoPoint destination, StockLedger ledger) {
        List<RequestedLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            lines.add(new RequestedLine(line.lineId(), ledger.resolveProductId(line.sku(), line.productId()),
                    Quantities.wholeUnits(line.quantity(), "line " + line.lineId() + " quantity")));
        }
        String pickup = order.pickupFacility() == null ? null : order.pickupFacility().id();
        return new OrderRequest(order.orderId(), channelId, order.fulfilment(), destination, pickup, lines);
    }
}
