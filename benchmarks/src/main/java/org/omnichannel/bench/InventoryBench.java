package org.omnichannel.bench;

import org.omnichannel.bench.inventory.BenchNetwork;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.StockReason;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.FacilityKind;
import org.omnichannel.core.inventory.OrderRequest;
import org.omnichannel.core.inventory.OrderReservations;
import org.omnichannel.core.inventory.RequestedLine;
import org.omnichannel.core.inventory.ReservationResult;
import org.omnichannel.core.inventory.Reserved;
import org.omnichannel.core.inventory.RoutingCosts;
import org.omnichannel.core.inventory.StockChange;
import org.omnichannel.core.inventory.StockFact;
import org.omnichannel.core.inventory.StockFactsSource;
import org.omnichannel.core.inventory.StockLedger;
import org.omnichannel.core.inventory.StockLevelUpdate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code bin/omni bench inventory [products] [orders] [facilities] [channels]} (defaults 10000 10000 200 50):
 * <ol>
 *   <li>publishing: one stock change at a warehouse that feeds every channel, reallocated over all
 *       facilities and diffed into publishing decisions; microseconds per change;</li>
 *   <li>routing: orders (1-3 lines; 70 % shipped, 30 % picked up in a store) routed and reserved
 *       atomically over facilities x products; microseconds per order.</li>
 * </ol>
 */
public final class InventoryBench {

    /** Sizes of one run. */
    public record Config(int facilities, int channels, int products, int orders, int publishChanges, long seed) {
    }

    /** What one run measured. */
    public record Result(int listings, Timing publish, double updatesPerChange, long loadMillis, Timing routing,
                         int reserved, int refused, int split, int shippedFromStore, int pickedUpInStore) {
    }

    /** Percentiles of per-operation times, in microseconds. */
    public record Timing(int count, double meanMicros, double p50Micros, double p99Micros, double maxMicros) {

        static Timing of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
            return new Timing(sorted.length, mean, sorted[(int) (sorted.length * 0.50)] / 1000.0,
                    sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
        }
    }

    private InventoryBench() {
    }

    public static void main(String[] args) {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int facilities = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int channels = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Config config = new Config(facilities, channels, products, orders, 200_000, 42);
        System.out.printf(Locale.ROOT, "inventory bench: %d facilities, %d channels, %d products, %d orders (Java %s, %d cpus)%n",
                facilities, channels, products, orders, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Result r = run(config);
        System.out.printf(Locale.ROOT, "publishing: one stock change at a warehouse feeding all %d channels (%d listings)%n",
                channels, r.listings());
        print("  decision per change", r.publish());
        System.out.printf(Locale.ROOT, "  channels told per change: %.1f on average%n", r.updatesPerChange());
        System.out.printf(Locale.ROOT, "routing: %d orders over %d facilities x %d products (stock loaded in %d ms)%n",
                orders, facilities, products, r.loadMillis());
        print("  route + reserve per order", r.routing());
        System.out.printf(Locale.ROOT, "  %.0f orders/s on one thread; reserved %d, refused %d; split %d, ship-from-store %d, pick-up-in-store %d%n",
                1e6 / r.routing().meanMicros(), r.reserved(), r.refused(), r.split(), r.shippedFromStore(), r.pickedUpInStore());
    }

    private static void print(String what, Timing t) {
        System.out.printf(Locale.ROOT, "%s: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us (n=%d)%n",
                what, t.meanMicros(), t.p50Micros(), t.p99Micros(), t.maxMicros(), t.count());
    }

    public static Result run(Config config) {
        Random random = new Random(config.seed());
        AllocationRules rules = BenchNetwork.rules(config.facilities(), config.channels(), random);
        PublishFigures publish = publishing(rules, config.publishChanges());
        StockLedger ledger = new StockLedger(rules);
        long start = System.nanoTime();
        ledger.loadAll(new GeneratedStock(rules, config.products(), config.seed()));
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        OrderReservations reservations = new OrderReservations(ledger, RoutingCosts.DEFAULT);
        List<OrderRequest> warmUp = orders(rules, config.products(), Math.max(1, config.orders() / 5), random, "warm-");
        for (OrderRequest order : warmUp) {
            reservations.reserve(order);
        }
        List<OrderRequest> orders = orders(rules, config.products(), config.orders(), random, "o-");
        long[] nanos = new long[orders.size()];
        int reserved = 0;
        int split = 0;
        int fromStore = 0;
        int pickup = 0;
        for (int i = 0; i < orders.size(); i++) {
            OrderRequest order = orders.get(i);
            long t0 = System.nanoTime();
            ReservationResult result = reservations.reserve(order);
            nanos[i] = System.nanoTime() - t0;
            if (result instanceof Reserved ok) {
                reserved++;
                split += ok.plan().isSplit() ? 1 : 0;
                pickup += order.mode() == FulfilmentMode.PICKUP_IN_STORE ? 1 : 0;
                boolean store = ok.plan().shipments().stream().anyMatch(s -> s.kind().isStore()
                        && !s.facilityId().equals(order.pickupFacilityId()));
                fromStore += store ? 1 : 0;
            }
        }
        return new Result(rules.listings().size(), publish.timing, publish.updatesPerChange, loadMillis, Timing.of(nanos),
                reserved, orders.size() - reserved, split, fromStore, pickup);
    }

    private record PublishFigures(Timing timing, double updatesPerChange) {
    }

    private static PublishFigures publishing(AllocationRules rules, int changes) {
        StockLedger ledger = new StockLedger(rules);
        String product = "GL-AVIATOR-BLK";
        List<StockFact> facts = new ArrayList<>();
        for (Facility facility : rules.facilities()) {
            long units = facility.kind() == FacilityKind.WAREHOUSE ? 400 : 6;
            facts.add(new StockFact(product, null, facility.id(), BigDecimal.valueOf(units), BigDecimal.valueOf(units), null));
        }
        ledger.loadAll(new ListOfFacts(facts));
        String warehouse = rules.facilities().get(0).id();
        StockChange receipt = new StockChange(product, warehouse, StockReason.RECEIPT, 7);
        StockChange sale = new StockChange(product, warehouse, StockReason.SALE, 7);
        int warmUp = Math.max(1, changes / 5);
        for (int i = 0; i < warmUp; i++) {
            ledger.apply(i % 2 == 0 ? sale : receipt);
        }
        long[] nanos = new long[changes];
        long updates = 0;
        for (int i = 0; i < changes; i++) {
            long t0 = System.nanoTime();
            List<StockLevelUpdate> decided = ledger.apply(i % 2 == 0 ? sale : receipt);
            nanos[i] = System.nanoTime() - t0;
            updates += decided.size();
        }
        return new PublishFigures(Timing.of(nanos), (double) updates / changes);
    }

    private static List<OrderRequest> orders(AllocationRules rules, int products, int count, Random random, String prefix) {
        List<String> online = rules.rules().values().stream().filter(r -> !r.kind().isOffline())
                .map(r -> r.channelId()).toList();
        List<Facility> stores = rules.facilities().stream().filter(f -> f.kind() == FacilityKind.OWN_STORE).toList();
        List<OrderRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String channel = online.get(random.nextInt(online.size()));
            List<RequestedLine> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(3);
            for (int l = 0; l < lineCount; l++) {
                lines.add(new RequestedLine("L" + l, GeneratedStock.productId(skewed(random, products)), 1 + random.nextInt(2)));
            }
            boolean pickup = random.nextInt(10) < 3 && !stores.isEmpty()
                    && rules.rules().get(channel).kind() != ChannelKind.MARKETPLACE;
            out.add(pickup
                    ? new OrderRequest(prefix + i, channel, FulfilmentMode.PICKUP_IN_STORE, null,
                    stores.get(random.nextInt(stores.size())).id(), lines)
                    : new OrderRequest(prefix + i, channel, FulfilmentMode.SHIP, BenchNetwork.somewhere(random), null, lines));
        }
        return out;
    }

    /** Popular products sell more: half the lines go to the first tenth of the catalogue. */
    private static int skewed(Random random, int products) {
        return random.nextBoolean() ? random.nextInt(Math.max(1, products / 10)) : random.nextInt(products);
    }

    /** Stock generated per product and facility from a seed: warehouses hold most products, stores some. */
    private record GeneratedStock(AllocationRules rules, int products, long seed) implements StockFactsSource {

        static String productId(int p) {
            return String.format("P%05d", p);
        }

        @Override
        public void forEachFact(Collection<String> facilityIds, Consumer<StockFact> sink) {
            Set<String> wanted = new HashSet<>(facilityIds);
            for (int p = 0; p < products; p++) {
                forEachFactOf(productId(p), wanted, sink);
            }
        }

        @Override
        public void forEachFactOf(String productId, Collection<String> facilityIds, Consumer<StockFact> sink) {
            Random random = new Random(seed ^ productId.hashCode());
            for (Facility facility : rules.facilities()) {
                boolean warehouse = facility.kind() == FacilityKind.WAREHOUSE;
                if (!facilityIds.contains(facility.id()) || random.nextInt(100) >= (warehouse ? 80 : 25)) {
                    continue;
                }
                BigDecimal units = BigDecimal.valueOf(warehouse ? 1 + random.nextInt(40) : 1 + random.nextInt(4));
                sink.accept(new StockFact(productId, null, facility.id(), units, units, null));
            }
        }
    }

    private record ListOfFacts(List<StockFact> facts) implements StockFactsSource {

        @Override
        public void forEachFact(Collection<String> facilityIds, Consumer<StockFact> sink) {
            facts.forEach(sink);
        }

        @Override
        public void forEachFactOf(String productId, Collection<String> facilityIds, Consumer<StockFact> sink) {
            facts.stream().filter(f -> f.productId().equals(productId)).forEach(sink);
        }
    }
}
