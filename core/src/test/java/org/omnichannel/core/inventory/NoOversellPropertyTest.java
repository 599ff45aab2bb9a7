package org.omnichannel.core.inventory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random networks, random sequences of stock facts: after every step the channels together are
 * promised no more than ATP less safety stock, the ledger agrees with a plain model of the same
 * facts, and the channels, having applied every published decision, see exactly the engine's figures
 * (and no decision repeated a figure the channel already had).
 */
class NoOversellPropertyTest {

    private static final String[] PRODUCTS = {"P1", "P2", "P3"};

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 2000)
    void channels_are_never_promised_more_than_atp_less_safety_stock(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        AllocationRules rules = RandomNetworks.rules(random);
        StockLedger ledger = new StockLedger(rules);
        OrderReservations orders = new OrderReservations(ledger, RoutingCosts.DEFAULT);
        List<String> open = new java.util.ArrayList<>();
        Map<String, long[]> onHand = new HashMap<>();
        Map<String, long[]> reservedModel = new HashMap<>();
        Map<StockLevelUpdate.Key, BigDecimal> channelsSee = new HashMap<>();
        int facilities = rules.facilities().size();
        int steps = 1 + random.nextInt(60);
        for (int step = 0; step < steps; step++) {
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            long[] hand = onHand.computeIfAbsent(product, p -> new long[facilities]);
            long[] res = reservedModel.computeIfAbsent(product, p -> new long[facilities]);
            int f = random.nextInt(facilities);
            String facility = rules.facilities().get(f).id();
            long q = random.nextInt(12);
            List<StockLevelUpdate> updates;
            int kind = random.nextInt(StockReason.values().length + 5);
            if (kind >= StockReason.values().length + 2 && ledger.existing(product) != null) {
                int choice = kind - StockReason.values().length - 2;
                if (choice == 0 || open.isEmpty()) {
                    OrderRequest order = RandomOrders.order(random, rules, PRODUCTS, "o" + step);
                    Map<String, Long> allowed = new HashMap<>();
                    for (RequestedLine line : order.lines()) {
                        allowed.put(line.productId(), ledger.availableToSell(line.productId(), order.channelId()));
                    }
                    ReservationResult result = orders.reserve(order);
                    if (result instanceof Reserved reserved) {
                        RandomOrders.checkPlan(rules, order, reserved.plan());
                        RandomOrders.unitsByProduct(rules, reserved.plan()).forEach((p, units) -> {
                            long total = 0;
                            for (int g = 0; g < facilities; g++) {
                                long free = onHand.get(p)[g] - reservedModel.get(p)[g];
                                assertThat(units[g]).as("reserved beyond ATP at " + g).isLessThanOrEqualTo(Math.max(0, free));
                                reservedModel.get(p)[g] += units[g];
                                total += units[g];
                            }
                            assertThat(total).as("reserved beyond the channel's allowance").isLessThanOrEqualTo(allowed.get(p));
                        });
                        open.add(order.orderId());
                        updates = reserved.updates();
                    } else {
                        updates = List.of();
                    }
                } else {
                    String orderId = open.remove(random.nextInt(open.size()));
                    RoutingPlan plan = orders.planOf(orderId).orElseThrow();
                    boolean ship = choice == 1;
                    RandomOrders.unitsByProduct(rules, plan).forEach((p, units) -> {
                        for (int g = 0; g < facilities; g++) {
                            reservedModel.get(p)[g] = Math.max(0, reservedModel.get(p)[g] - units[g]);
                            if (ship) {
                                onHand.get(p)[g] -= units[g];
                            }
                        }
                    });
                    updates = ship ? orders.fulfil(orderId) : orders.release(orderId);
                }
            } else if (kind >= StockReason.values().length + 2) {
                continue;
            } else if (kind == StockReason.values().length) {
                long atp = random.nextInt(15);
                long qoh = atp + random.nextInt(4);
                updates = ledger.load(new StockFact(product, null, facility, BigDecimal.valueOf(qoh), BigDecimal.valueOf(atp), null));
                hand[f] = qoh;
                res[f] = qoh - atp;
            } else if (kind == StockReason.values().length + 1) {
                int to = random.nextInt(facilities);
                long free = hand[f] - res[f];
                if (q == 0 || free < q) {
                    continue;
                }
                updates = ledger.transfer(product, facility, rules.facilities().get(to).id(), q);
                hand[f] -= q;
            } else {
                StockReason reason = StockReason.values()[kind];
                updates = ledger.apply(new StockChange(product, facility, reason, q));
                switch (reason) {
                    case RECEIPT, RETURN, TRANSFER_IN -> hand[f] += q;
                    case SALE, TRANSFER_OUT, DAMAGE -> hand[f] -= q;
                    case COUNT -> hand[f] = q;
                    case RESERVATION -> res[f] += q;
                    case RELEASE -> res[f] = Math.max(0, res[f] - q);
                }
            }
            boolean increaseSeen = false;
            for (StockLevelUpdate update : updates) {
                BigDecimal before = channelsSee.put(update.key(), update.availableToSell());
                assertThat(update.availableToSell()).as("a decision that changes nothing").isNotEqualTo(before);
                boolean decrease = before != null && update.availableToSell().compareTo(before) < 0;
                assertThat(decrease && increaseSeen).as("a decrease after an increase in " + updates).isFalse();
                increaseSeen |= !decrease;
            }
            for (String p : ledger.productIds()) {
                Invariants.check(ledger, p);
                for (int g = 0; g < facilities; g++) {
                    FacilityStock seen = ledger.atFacility(p, rules.facilities().get(g).id()).orElseThrow();
                    assertThat(seen.onHand()).isEqualTo(onHand.get(p)[g]);
                    assertThat(seen.reserved()).isEqualTo(reservedModel.get(p)[g]);
                }
                Allocation allocation = ledger.allocationOf(p);
                for (Listing listing : rules.listings()) {
                    BigDecimal seen = channelsSee.get(new StockLevelUpdate.Key(listing.channelId(), listing.locationId(), p));
                    assertThat(seen).as(listing + " sees what the engine allocates")
                            .isEqualByComparingTo(BigDecimal.valueOf(allocation.sellable(listing.index())));
                }
            }
        }
    }
}
