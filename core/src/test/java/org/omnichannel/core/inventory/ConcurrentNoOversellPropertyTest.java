package org.omnichannel.core.inventory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads place, cancel and ship orders on random channels while receipts and returns arrive,
 * and a hub thread drains the publishing decisions: at every moment a watcher sees the allocation
 * invariants hold and no facility promise more than it has; at the end every unit is accounted for
 * (on hand = initial + received - shipped, reserved = what open orders hold) and the channels, having
 * applied every drained decision, see exactly the engine's figures.
 */
class ConcurrentNoOversellPropertyTest {

    private static final String[] PRODUCTS = {"P1", "P2", "P3"};
    private static final int WORKERS = 4;
    private static final int OPS_PER_WORKER = 150;


    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 300)
    void concurrent_orders_never_oversell_and_channels_end_up_seeing_the_engines_figures(@ForAll("seeds") long seed)
            throws InterruptedException {
        Random random = new Random(seed);
        AllocationRules rules = RandomNetworks.rules(random);
        StockLedger ledger = new StockLedger(rules);
        OrderReservations orders = new OrderReservations(ledger, RoutingCosts.DEFAULT);
        CoalescingOutbox outbox = new CoalescingOutbox();
        int facilities = rules.facilities().size();
        Map<String, AtomicLong> expectedOnHand = new ConcurrentHashMap<>();
        List<StockFact> facts = new ArrayList<>();
        for (String product : PRODUCTS) {
            long total = 0;
            for (Facility facility : rules.facilities()) {
                long units = random.nextInt(12);
                total += units;
                facts.add(new StockFact(product, null, facility.id(), BigDecimal.valueOf(units), BigDecimal.valueOf(units), null));
            }
            expectedOnHand.put(product, new AtomicLong(total));
        }
        outbox.offer(ledger.loadAll(new ListedFacts(facts)));

        Map<String, RoutingPlan> open = new ConcurrentHashMap<>();
        AtomicLong reservedOrders = new AtomicLong();
        AtomicLong refusedOrders = new AtomicLong();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch workersDone = new CountDownLatch(WORKERS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random own = new Random(seed * 31 + w);
            String prefix = "w" + w + "-";
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    work(own, prefix, rules, ledger, orders, outbox, open, expectedOnHand, reservedOrders, refusedOrders);
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    workersDone.countDown();
                }
            }));
        }
        Map<StockLevelUpdate.Key, BigDecimal> channelsSee = new HashMap<>();
        Thread watcher = new Thread(() -> {
            try {
                start.await();
                while (!stop.get()) {
                    for (String product : PRODUCTS) {
                        Invariants.check(ledger, product);
                        for (Facility facility : rules.facilities()) {
                            FacilityStock seen = ledger.atFacility(product, facility.id()).orElseThrow();
                            if (seen.availableToPromise() < 0 || seen.reserved() < 0) {
                                throw new AssertionError("oversold " + seen);
                            }
                        }
                    }
                    for (StockLevelUpdate update : outbox.drain()) {
                        channelsSee.put(update.key(), update.availableToSell());
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        threads.forEach(Thread::start);
        watcher.start();
        start.countDown();
        boolean finished = workersDone.await(60, TimeUnit.SECONDS);
        stop.set(true);
        watcher.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(finished).as("workers finished").isTrue();
        assertThat(failures).isEmpty();

        for (StockLevelUpdate update : outbox.drain()) {
            channelsSee.put(update.key(), update.availableToSell());
        }
        // guard against a generator that never exercises one of the outcomes
        Statistics.label("some orders reserved").collect(reservedOrders.get() > 0);
        Statistics.label("some orders refused").collect(refusedOrders.get() > 0);
        Statistics.label("some orders reserved").coverage(c -> c.check(true).percentage(p -> p > 80));
        Statistics.label("some orders refused").coverage(c -> c.check(true).percentage(p -> p > 50));
        for (String product : PRODUCTS) {
            Invariants.check(ledger, product);
            long onHand = 0;
            long reserved = 0;
            for (Facility facility : rules.facilities()) {
                FacilityStock seen = ledger.atFacility(product, facility.id()).orElseThrow();
                assertThat(seen.availableToPromise()).as("ATP of " + product + " at " + facility.id()).isNotNegative();
                onHand += seen.onHand();
                reserved += seen.reserved();
            }
            assertThat(onHand).as("on hand of " + product).isEqualTo(expectedOnHand.get(product).get());
            long held = 0;
            for (RoutingPlan plan : open.values()) {
                long[] units = RandomOrders.unitsByProduct(rules, plan).get(product);
                for (int f = 0; units != null && f < facilities; f++) {
                    held += units[f];
                }
            }
            assertThat(reserved).as("reserved " + product + " = units of open orders").isEqualTo(held);
            Allocation allocation = ledger.allocationOf(product);
            for (Listing listing : rules.listings()) {
                assertThat(channelsSee.get(new StockLevelUpdate.Key(listing.channelId(), listing.locationId(), product)))
                        .as(listing + " sees the engine's figure of " + product)
                        .isEqualByComparingTo(BigDecimal.valueOf(allocation.sellable(listing.index())));
            }
        }
    }

    private static void work(Random random, String prefix, AllocationRules rules, StockLedger ledger, OrderReservations orders,
                             CoalescingOutbox outbox, Map<String, RoutingPlan> open, Map<String, AtomicLong> expectedOnHand,
                             AtomicLong reservedOrders, AtomicLong refusedOrders) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < OPS_PER_WORKER; i++) {
            int op = random.nextInt(10);
            if (op <= 5 || mine.isEmpty() && op <= 7) {
                OrderRequest order = RandomOrders.order(random, rules, PRODUCTS, prefix + i);
                ReservationResult result = orders.reserve(order);
                if (result instanceof Reserved reserved) {
                    RandomOrders.checkPlan(rules, order, reserved.plan());
                    open.put(order.orderId(), reserved.plan());
                    mine.add(order.orderId());
                    outbox.offer(reserved.updates());
                    reservedOrders.incrementAndGet();
                } else {
                    refusedOrders.incrementAndGet();
                }
            } else if (op <= 7) {
                String orderId = mine.remove(random.nextInt(mine.size()));
                RoutingPlan plan = open.remove(orderId);
                if (op == 6) {
                    outbox.offer(orders.release(orderId));
                } else {
                    RandomOrders.unitsByProduct(rules, plan).forEach((product, units) -> {
                        long sum = 0;
                        for (long u : units) {
                            sum += u;
                        }
                        expectedOnHand.get(product).addAndGet(-sum);
                    });
                    outbox.offer(orders.fulfil(orderId));
                }
            } else {
                String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                String facility = rules.facilities().get(random.nextInt(rules.facilities().size())).id();
                long units = 1 + random.nextInt(3);
                expectedOnHand.get(product).addAndGet(units);
                outbox.offer(op == 8
                        ? ledger.apply(new StockChange(product, facility, StockReason.RECEIPT, units))
                        : ledger.restock(product, facility, units));
            }
        }
    }
}
