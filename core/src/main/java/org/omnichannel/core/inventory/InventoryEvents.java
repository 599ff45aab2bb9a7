package org.omnichannel.core.inventory;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.RefundLine;
import org.omnichannel.core.event.RefundPayload;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies canonical events to stock: stock adjustments, orders placed (routed and reserved; a till
 * sale taken off its store's shelf), orders cancelled (released) and refunds whose goods went back
 * into stock, in whichever facility the fan brought them to (an online order returned in a store
 * restocks that store, and every channel the store feeds is told).
 *
 * <p>Reservations are keyed by channel and order id ({@code web-cn:4711}), as vendor order ids are
 * unique only within their channel.
 */
public final class InventoryEvents {

    private final StockLedger ledger;
    private final OrderReservations reservations;
    private final Geocoder geocoder;

    public InventoryEvents(StockLedger ledger, OrderReservations reservations, Geocoder geocoder) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.geocoder = geocoder;
    }

    /** The key an order's reservation is kept under. */
    public static String reservationKey(String channelId, String orderId) {
        return channelId + ":" + orderId;
    }

    public InventoryOutcome apply(ChannelEvent event) {
        return switch (event.type()) {
            case STOCK_ADJUSTED -> adjusted(event.payloadAs(StockAdjustmentPayload.class));
            case ORDER_PLACED -> placed(event, event.payloadAs(OrderPayload.class));
            case ORDER_CANCELLED -> new InventoryOutcome(reservations.release(
                    reservationKey(event.channelId(), event.payloadAs(OrderPayload.class).orderId())), null);
            case REFUND_ISSUED -> refunded(event.payloadAs(RefundPayload.class));
            default -> InventoryOutcome.NOTHING;
        };
    }

    private InventoryOutcome adjusted(StockAdjustmentPayload payload) {
        String productId = ledger.resolveProductId(payload.sku(), payload.productId());
        return new InventoryOutcome(ledger.apply(StockChange.from(payload, productId)), null);
    }

    private InventoryOutcome placed(ChannelEvent event, OrderPayload order) {
        if (order.fulfilment() == FulfilmentMode.IN_STORE) {
            if (event.facility() == null) {
                throw new IllegalArgumentException("in-store order " + order.orderId() + " on channel '" + event.channelId()
                        + "' names no facility: the till's store is needed to take the sale off its shelf");
            }
            List<StockLevelUpdate> updates = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                updates.addAll(ledger.apply(new StockChange(ledger.resolveProductId(line.sku(), line.productId()),
                        event.facility().id(), StockReason.SALE,
                        Quantities.wholeUnits(line.quantity(), "line " + line.lineId() + " quantity"))));
            }
            return new InventoryOutcome(updates, null);
        }
        GeoPoint destination = null;
        if (order.fulfilment() == FulfilmentMode.SHIP) {
            if (order.shippingAddress() == null) {
                throw new IllegalArgumentException("order " + order.orderId() + " ships but has no shippingAddress");
            }
            destination = geocoder.locate(order.shippingAddress()).orElseThrow(() -> new IllegalArgumentException(
                    "order " + order.orderId() + ": the shipping address in " + order.shippingAddress().city()
                            + " could not be located, so the order cannot be routed"));
        }
        OrderRequest request = OrderRequest.from(event.channelId(), order, destination, ledger);
        OrderRequest keyed = new OrderRequest(reservationKey(event.channelId(), order.orderId()), request.channelId(),
                request.mode(), request.destination(), request.pickupFacilityId(), request.lines());
        ReservationResult result = reservations.reserve(keyed);
        List<StockLevelUpdate> updates = result instanceof Reserved reserved ? reserved.updates() : List.of();
        return new InventoryOutcome(updates, result);
    }

    private InventoryOutcome refunded(RefundPayload refund) {
        if (refund.restockFacility() == null) {
            return InventoryOutcome.NOTHING;
        }
        List<StockLevelUpdate> updates = new ArrayList<>();
        for (RefundLine line : refund.lines()) {
            if (line.sku() == null) {
                throw new IllegalArgumentException("refund " + refund.refundId() + " line " + line.lineId()
                        + " names no sku, so its goods cannot be restocked at " + refund.restockFacility().id());
            }
            updates.addAll(ledger.restock(ledger.resolveProductId(line.sku(), null), refund.restockFacility().id(),
                    Quantities.wholeUnits(line.quantity(), "refund line " + line.lineId() + " quantity")));
        }
        return new InventoryOutcome(updates, null);
    }
}
