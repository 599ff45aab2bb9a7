package org.omnichannel.core.inventory;

import org.omnichannel.core.event.FulfilmentMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes and reserves orders against the {@link StockLedger}, atomically: all of an order's
 * products are locked (in productId order), the channel's allowance and the route are checked, and
 * either every line is reserved or nothing is. Reservations are released when the order is cancelled
 * and consumed when it ships. A redelivered order (same orderId) is answered with its first plan.
 *
 * <p>The OFBiz plugin persists what {@link Reserved} says as OrderItemShipGrpInvRes rows in the same
 * transaction; a later reload of OFBiz's figures therefore already counts them.
 */
public final class OrderReservations {

    private final StockLedger ledger;
    private final OrderRouter router;
    private final ConcurrentHashMap<String, Reservation> reservations = new ConcurrentHashMap<>();

    public OrderReservations(StockLedger ledger, RoutingCosts costs) {
        this.ledger = ledger;
        this.router = new OrderRouter(ledger.rules(), costs);
    }

    /** Routes the order and reserves every line, or nothing (the refusal says why). */
    public ReservationResult reserve(OrderRequest order) {
        int[] listings = ledger.rules().requireChannel(order.channelId());
        if (order.mode() == FulfilmentMode.IN_STORE) {
            throw new IllegalArgumentException("order " + order.orderId() + " was sold at the till: apply it as a SALE"
                    + " stock change at its store, there is nothing to route");
        }
        if (order.mode() == FulfilmentMode.DIGITAL) {
            return new Reserved(new RoutingPlan(order.orderId(), List.of(), 0,
                    List.of("nothing physical to deliver: no stock reserved")), List.of(), false);
        }
        Map<String, Long> needByProduct = new LinkedHashMap<>();
        for (RequestedLine line : order.lines()) {
            needByProduct.merge(line.productId(), line.quantity(), Math::addExact);
        }
        List<String> products = List.copyOf(needByProduct.keySet());
        long[] need = needByProduct.values().stream().mapToLong(Long::longValue).toArray();
        List<ProductStock> stocks = new ArrayList<>();
        List<Shortfall> unknown = new ArrayList<>();
        for (int k = 0; k < products.size(); k++) {
            ProductStock stock = ledger.existing(products.get(k));
            if (stock == null) {
                unknown.add(new Shortfall(products.get(k), need[k], 0));
            } else {
                stocks.add(stock);
            }
        }
        Reservation earlier = reservations.get(order.orderId());
        if (earlier != null) {
            return new Reserved(earlier.plan(), List.of(), true);
        }
        if (!unknown.isEmpty()) {
            return new Refusal(order.orderId(), "no stock anywhere: " + OrderRouter.describe(unknown), unknown);
        }
        return StockLedger.withLocked(stocks, locked -> reserveLocked(order, listings, products, need, byId(locked)));
    }

    private ReservationResult reserveLocked(OrderRequest order, int[] listings, List<String> products, long[] need,
                                            Map<String, ProductStock> stocks) {
        Reservation earlier = reservations.get(order.orderId());
        if (earlier != null) {
            return new Reserved(earlier.plan(), List.of(), true);
        }
        List<Shortfall> overAllowance = new ArrayList<>();
        for (int k = 0; k < products.size(); k++) {
            long allowed = ledger.sellable(stocks.get(products.get(k)), listings);
            if (allowed < need[k]) {
                overAllowance.add(new Shortfall(products.get(k), need[k], allowed));
            }
        }
        if (!overAllowance.isEmpty()) {
            return new Refusal(order.orderId(), "channel '" + order.channelId() + "' may not sell that much now: "
                    + OrderRouter.describe(overAllowance), overAllowance);
        }
        ProductStock[] byIndex = new ProductStock[products.size()];
        for (int k = 0; k < byIndex.length; k++) {
            byIndex[k] = stocks.get(products.get(k));
        }
        RoutingOutcome outcome = router.route(order, products, need, (k, f) -> byIndex[k].atp(f));
        if (outcome instanceof Refusal refusal) {
            return refusal;
        }
        RoutingPlan plan = (RoutingPlan) outcome;
        for (Shipment shipment : plan.shipments()) {
            int f = ledger.rules().requireFacility(shipment.facilityId());
            for (Pick pick : shipment.picks()) {
                stocks.get(pick.productId()).reserved[f] += pick.quantity();
            }
        }
        reservations.put(order.orderId(), new Reservation(order.orderId(), order.channelId(), plan));
        return new Reserved(plan, ProductStock.reallocateAll(List.of(byIndex), ledger.allocator()), false);
    }

    /** The order was cancelled: its units are free again. Unknown orders change nothing. */
    public List<StockLevelUpdate> release(String orderId) {
        return finish(orderId, false);
    }

    /** The order shipped or was handed over: its units leave the facilities' stock. */
    public List<StockLevelUpdate> fulfil(String orderId) {
        return finish(orderId, true);
    }

    /** The plan an order was reserved with, while it is reserved. */
    public Optional<RoutingPlan> planOf(String orderId) {
        return Optional.ofNullable(reservations.get(orderId)).map(Reservation::plan);
    }

    private List<StockLevelUpdate> finish(String orderId, boolean shipped) {
        Reservation reservation = reservations.remove(orderId);
        if (reservation == null) {
            return List.of();
        }
        Map<String, ProductStock> stocks = new LinkedHashMap<>();
        for (Shipment shipment : reservation.plan().shipments()) {
            for (Pick pick : shipment.picks()) {
                stocks.computeIfAbsent(pick.productId(), ledger::existing);
            }
        }
        return StockLedger.withLocked(stocks.values(), locked -> {
            for (Shipment shipment : reservation.plan().shipments()) {
                int f = ledger.rules().requireFacility(shipment.facilityId());
                for (Pick pick : shipment.picks()) {
                    ProductStock stock = stocks.get(pick.productId());
                    stock.reserved[f] = Math.max(0, stock.reserved[f] - pick.quantity());
                    if (shipped) {
                        stock.onHand[f] -= pick.quantity();
                    }
                }
            }
            return ProductStock.reallocateAll(locked, ledger.allocator());
        });
    }

    private static Map<String, ProductStock> byId(List<ProductStock> locked) {
        Map<String, ProductStock> out = new LinkedHashMap<>();
        for (ProductStock stock : locked) {
            out.put(stock.productId, stock);
        }
        return out;
    }
}
