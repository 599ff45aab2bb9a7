package org.omnichannel.core.inventory;

import org.omnichannel.core.event.FulfilmentMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the facilities an order's units come from, minimising the routing cost of
 * docs/inventory.md: the cheapest single facility that holds every line, unless a split (chosen
 * greedily: each next parcel the one with the lowest cost per unit it covers) costs less. Only
 * facilities the order's channel may sell from are considered; a pick-up store that does not feed
 * the channel still receives parcels, its own stock is never touched.
 *
 * <p>Pure: it reads availability through {@link Availability} and reserves nothing.
 */
public final class OrderRouter {

    /** Available-to-promise of the order's k-th distinct product at facility f. */
    @FunctionalInterface
    public interface Availability {
        long atp(int product, int facility);
    }

    private final AllocationRules rules;
    private final RoutingCosts costs;

    public OrderRouter(AllocationRules rules, RoutingCosts costs) {
        this.rules = rules;
        this.costs = costs;
    }

    /**
     * Routes an order.
     *
     * @param products the order's distinct products; {@code need[k]} units of {@code products.get(k)}
     */
    public RoutingOutcome route(OrderRequest order, List<String> products, long[] need, Availability stock) {
        rules.requireChannel(order.channelId());
        List<Facility> facilities = rules.facilities();
        int pickup = -1;
        GeoPoint destination = order.destination();
        if (order.mode() == FulfilmentMode.PICKUP_IN_STORE) {
            pickup = rules.requireFacility(order.pickupFacilityId());
            Facility store = facilities.get(pickup);
            if (!store.kind().isStore()) {
                throw new IllegalArgumentException("order " + order.orderId() + " is to be picked up at '" + store.id()
                        + "', which is a " + store.kind() + ", not a store");
            }
            destination = store.location();
        }
        int[] candidates = candidates(order.channelId());
        long[] total = new long[products.size()];
        for (int f : candidates) {
            for (int k = 0; k < total.length; k++) {
                total[k] += Math.max(0, stock.atp(k, f));
            }
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int k = 0; k < total.length; k++) {
            if (total[k] < need[k]) {
                shortfalls.add(new Shortfall(products.get(k), need[k], total[k]));
            }
        }
        if (!shortfalls.isEmpty()) {
            return new Refusal(order.orderId(), "not enough stock for channel '" + order.channelId() + "': "
                    + describe(shortfalls), shortfalls);
        }
        Context ctx = new Context(order, products, stock, destination, pickup, facilities.size());
        Choice single = bestSingle(ctx, candidates, need);
        Choice split = greedySplit(ctx, candidates, need);
        if (single == null && split == null) {
            return new Refusal(order.orderId(), "order " + order.orderId() + " would need more than "
                    + costs.maxShipments() + " shipments", List.of());
        }
        if (single != null && (split == null || single.cost <= split.cost)) {
            String why = pickup >= 0 && single.facilities.get(0) == pickup
                    ? "the pick-up store holds every line"
                    : "one facility holds every line: the cheapest single shipment";
            if (split != null && split.facilities.size() > 1) {
                why += String.format(Locale.ROOT, " (%.2f; a split would cost %.2f)", single.cost, split.cost);
            }
            return plan(ctx, single, List.of(why));
        }
        String why = single == null
                ? "no facility holds every line: split into " + split.facilities.size() + " shipments"
                : String.format(Locale.ROOT, "a split into %d shipments costs %.2f, the best single facility %.2f",
                split.facilities.size(), split.cost, single.cost);
        return plan(ctx, split, List.of(why));
    }

    private int[] candidates(String channelId) {
        int n = rules.facilities().size();
        int[] out = new int[n];
        int count = 0;
        for (int f = 0; f < n; f++) {
            if (rules.feeds(channelId, f)) {
                out[count++] = f;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private static final class Context {
        final OrderRequest order;
        final List<String> products;
        final Availability stock;
        final GeoPoint destination;
        final int pickup;
        private final double[] km;

        Context(OrderRequest order, List<String> products, Availability stock, GeoPoint destination, int pickup,
                int facilities) {
            this.order = order;
            this.products = products;
            this.stock = stock;
            this.destination = destination;
            this.pickup = pickup;
            this.km = new double[facilities];
            java.util.Arrays.fill(km, -1);
        }

        /** Distance from facility f to the destination, computed once per order. */
        double km(int f, Facility facility) {
            if (km[f] < 0) {
                km[f] = facility.location().distanceKm(destination);
            }
            return km[f];
        }
    }

    /** Facilities chosen in order, the units each takes per product, and the total cost. */
    private record Choice(List<Integer> facilities, List<long[]> units, double cost) {
    }

    private Choice bestSingle(Context ctx, int[] candidates, long[] need) {
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int f : candidates) {
            boolean holdsAll = true;
            for (int k = 0; k < need.length && holdsAll; k++) {
                holdsAll = ctx.stock.atp(k, f) >= need[k];
            }
            if (holdsAll) {
                double cost = cost(ctx, f, need);
                if (cost < bestCost) {
                    best = f;
                    bestCost = cost;
                }
            }
        }
        return best < 0 ? null : new Choice(List.of(best), List.of(need.clone()), bestCost);
    }

    private Choice greedySplit(Context ctx, int[] candidates, long[] need) {
        long[] remaining = need.clone();
        long left = 0;
        for (long r : remaining) {
            left += r;
        }
        boolean[] used = new boolean[rules.facilities().size()];
        List<Integer> chosen = new ArrayList<>();
        List<long[]> taken = new ArrayList<>();
        double total = 0;
        long[] cover = new long[need.length];
        while (left > 0) {
            if (chosen.size() == costs.maxShipments()) {
                return null;
            }
            int best = -1;
            double bestRatio = Double.MAX_VALUE;
            double bestCost = 0;
            long[] bestCover = null;
            for (int f : candidates) {
                if (used[f]) {
                    continue;
                }
                long units = 0;
                for (int k = 0; k < need.length; k++) {
                    cover[k] = Math.min(remaining[k], Math.max(0, ctx.stock.atp(k, f)));
                    units += cover[k];
                }
                if (units == 0) {
                    continue;
                }
                double cost = cost(ctx, f, cover);
                double ratio = cost / units;
                if (ratio < bestRatio) {
                    best = f;
                    bestRatio = ratio;
                    bestCost = cost;
                    bestCover = cover.clone();
                }
            }
            if (best < 0) {
                return null;
            }
            used[best] = true;
            chosen.add(best);
            taken.add(bestCover);
            total += bestCost;
            for (int k = 0; k < need.length; k++) {
                remaining[k] -= bestCover[k];
                left -= bestCover[k];
            }
        }
        return consolidate(ctx, new Choice(chosen, taken, total));
    }

    /**
     * Greedy cover can open a parcel that later ones make unnecessary (the warehouse sends the
     * glasses, then two stores the cases, though one of them had glasses too). Drop any parcel whose
     * units the other chosen facilities can absorb, while that lowers the cost.
     */
    private Choice consolidate(Context ctx, Choice choice) {
        List<Integer> facilities = new ArrayList<>(choice.facilities);
        List<long[]> units = new ArrayList<>();
        for (long[] u : choice.units) {
            units.add(u.clone());
        }
        double total = choice.cost;
        boolean improved = true;
        while (improved && facilities.size() > 1) {
            improved = false;
            for (int drop = 0; drop < facilities.size() && !improved; drop++) {
                List<long[]> moved = absorb(ctx, facilities, units, drop);
                if (moved == null) {
                    continue;
                }
                double cost = 0;
                for (int i = 0; i < facilities.size(); i++) {
                    if (i != drop) {
                        cost += cost(ctx, facilities.get(i), moved.get(i));
                    }
                }
                if (cost < total) {
                    facilities.remove(drop);
                    moved.remove(drop);
                    units = moved;
                    total = cost;
                    improved = true;
                }
            }
        }
        return new Choice(facilities, units, total);
    }

    /** The units with parcel {@code drop}'s moved onto the others, or null if they cannot take them. */
    private static List<long[]> absorb(Context ctx, List<Integer> facilities, List<long[]> units, int drop) {
        List<long[]> moved = new ArrayList<>();
        for (long[] u : units) {
            moved.add(u.clone());
        }
        long[] toMove = units.get(drop);
        for (int k = 0; k < toMove.length; k++) {
            long left = toMove[k];
            for (int i = 0; i < facilities.size() && left > 0; i++) {
                if (i == drop) {
                    continue;
                }
                long spare = Math.max(0, ctx.stock.atp(k, facilities.get(i))) - moved.get(i)[k];
                long q = Math.min(spare, left);
                if (q > 0) {
                    moved.get(i)[k] += q;
                    left -= q;
                }
            }
            if (left > 0) {
                return null;
            }
            moved.get(drop)[k] = 0;
        }
        return moved;
    }

    /** The cost of one shipment from f carrying units[k] of each product (docs/inventory.md). */
    private double cost(Context ctx, int f, long[] units) {
        Facility facility = rules.facilities().get(f);
        double fixed = f == ctx.pickup ? 0
                : costs.perShipment() + costs.perKm() * ctx.km(f, facility);
        fixed = Math.max(0, fixed - costs.perPriorityLevel() * facility.priority());
        double perUnit = 0;
        boolean shipsFromStore = facility.kind().isStore() && f != ctx.pickup;
        for (int k = 0; k < units.length; k++) {
            if (units[k] == 0) {
                continue;
            }
            if (shipsFromStore) {
                perUnit += costs.shipFromStorePerUnit() * units[k];
            }
            perUnit += costs.belowWalkInReservePerUnit() * belowReserve(facility, ctx.stock.atp(k, f), units[k]);
        }
        return fixed + perUnit;
    }

    private static long belowReserve(Facility facility, long atp, long taken) {
        if (facility.walkInReserve() == 0) {
            return 0;
        }
        long leftAfter = atp - taken;
        return Math.max(0, Math.min(taken, facility.walkInReserve() - leftAfter));
    }

    private RoutingPlan plan(Context ctx, Choice choice, List<String> reasons) {
        Map<String, Long> lineLeft = new LinkedHashMap<>();
        for (RequestedLine line : ctx.order.lines()) {
            lineLeft.put(line.lineId(), line.quantity());
        }
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < choice.facilities.size(); i++) {
            int f = choice.facilities.get(i);
            long[] units = choice.units.get(i);
            Facility facility = rules.facilities().get(f);
            List<Pick> picks = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (int k = 0; k < units.length; k++) {
                long toPick = units[k];
                String product = ctx.products.get(k);
                for (RequestedLine line : ctx.order.lines()) {
                    if (toPick == 0) {
                        break;
                    }
                    long open = lineLeft.get(line.lineId());
                    if (!line.productId().equals(product) || open == 0) {
                        continue;
                    }
                    long q = Math.min(open, toPick);
                    picks.add(new Pick(line.lineId(), product, q));
                    lineLeft.put(line.lineId(), open - q);
                    toPick -= q;
                }
                long below = belowReserve(facility, ctx.stock.atp(k, f), units[k]);
                if (below > 0) {
                    why.add("takes " + below + " of " + product + " below the walk-in reserve of " + facility.walkInReserve());
                }
            }
            double km = f == ctx.pickup ? 0 : ctx.km(f, facility);
            why.add(0, describeLeg(ctx, f, facility, km));
            if (facility.priority() != 0) {
                why.add("facility priority " + facility.priority());
            }
            shipments.add(new Shipment(facility.id(), facility.kind(), km, picks, cost(ctx, f, units), why));
        }
        return new RoutingPlan(ctx.order.orderId(), shipments, choice.cost, reasons);
    }

    private String describeLeg(Context ctx, int f, Facility facility, double km) {
        if (f == ctx.pickup) {
            return "the pick-up store's own stock: nothing to ship";
        }
        String from = facility.kind().isStore() ? "ship-from-store" : "ships from the warehouse";
        if (ctx.pickup >= 0) {
            return String.format(Locale.ROOT, "%s to the pick-up store %s, %.1f km", from,
                    rules.facilities().get(ctx.pickup).id(), km);
        }
        return String.format(Locale.ROOT, "%s, %.1f km to the fan", from, km);
    }

    static String describe(List<Shortfall> shortfalls) {
        StringBuilder out = new StringBuilder();
        for (Shortfall s : shortfalls) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(s.productId()).append(" asked ").append(s.requested()).append(", available ").append(s.available());
        }
        return out.toString();
    }
}
