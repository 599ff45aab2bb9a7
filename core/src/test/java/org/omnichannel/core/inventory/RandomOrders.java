package org.omnichannel.core.inventory;

import org.omnichannel.core.event.FulfilmentMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random orders on random channels of a network, and the checks every reserved plan must pass. */
final class RandomOrders {

    private RandomOrders() {
    }

    static OrderRequest order(Random random, AllocationRules rules, String[] products, String orderId) {
        List<Listing> listings = rules.listings();
        String channel = listings.get(random.nextInt(listings.size())).channelId();
        List<RequestedLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(new RequestedLine("L" + i, products[random.nextInt(products.length)], 1 + random.nextInt(4)));
        }
        List<Facility> stores = rules.facilities().stream().filter(f -> f.kind().isStore()).toList();
        if (!stores.isEmpty() && random.nextInt(3) == 0) {
            String store = stores.get(random.nextInt(stores.size())).id();
            return new OrderRequest(orderId, channel, FulfilmentMode.PICKUP_IN_STORE, null, store, lines);
        }
        GeoPoint to = new GeoPoint(30 + random.nextDouble() * 2, 120 + random.nextDouble() * 2);
        return new OrderRequest(orderId, channel, FulfilmentMode.SHIP, to, null, lines);
    }

    /** Every line is covered exactly, and only from facilities the order's channel may sell from. */
    static void checkPlan(AllocationRules rules, OrderRequest order, RoutingPlan plan) {
        Map<String, Long> picked = new HashMap<>();
        for (Shipment shipment : plan.shipments()) {
            int f = rules.requireFacility(shipment.facilityId());
            if (!rules.feeds(order.channelId(), f)) {
                throw new AssertionError(order.orderId() + " took stock from " + shipment.facilityId()
                        + ", which does not feed " + order.channelId());
            }
            for (Pick pick : shipment.picks()) {
                if (pick.quantity() <= 0) {
                    throw new AssertionError(order.orderId() + " has an empty pick " + pick);
                }
                picked.merge(pick.lineId(), pick.quantity(), Long::sum);
            }
        }
        if (plan.shipments().size() > RoutingCosts.DEFAULT.maxShipments()) {
            throw new AssertionError(order.orderId() + " has " + plan.shipments().size() + " shipments");
        }
        for (RequestedLine line : order.lines()) {
            long got = picked.getOrDefault(line.lineId(), 0L);
            if (got != line.quantity()) {
                throw new AssertionError(order.orderId() + " line " + line.lineId() + " asked " + line.quantity() + ", got " + got);
            }
        }
    }

    /** Units a plan takes per product and facility. */
    static Map<String, long[]> unitsByProduct(AllocationRules rules, RoutingPlan plan) {
        Map<String, long[]> out = new HashMap<>();
        for (Shipment shipment : plan.shipments()) {
            int f = rules.requireFacility(shipment.facilityId());
            for (Pick pick : shipment.picks()) {
                out.computeIfAbsent(pick.productId(), p -> new long[rules.facilities().size()])[f] += pick.quantity();
            }
        }
        return out;
    }
}
