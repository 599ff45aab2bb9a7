package org.omnichannel.core.inventory;

import org.omnichannel.core.event.StockReason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one live view of stock: every product at every facility, and what every channel may sell.
 * Every change is applied under the product's lock together with the recomputation of its
 * allocation, so no reader ever sees channels promised more than there is, and the returned
 * {@link StockLevelUpdate}s are exactly the figures that changed.
 *
 * <p>Changes that touch several products (an order) lock them in productId order, so two of them
 * never wait on each other.
 */
public final class StockLedger implements StockAvailability {

    private final AllocationRules rules;
    private final Allocator allocator;
    private final ConcurrentHashMap<String, ProductStock> products = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> productBySku = new ConcurrentHashMap<>();

    public StockLedger(AllocationRules rules) {
        this.rules = rules;
        this.allocator = new Allocator(rules);
    }

    public AllocationRules rules() {
        return rules;
    }

    /** The productId of a line or adjustment that names a productId, a sku, or both. */
    public String resolveProductId(String sku, String productId) {
        if (productId != null) {
            return productId;
        }
        if (sku == null) {
            throw new IllegalArgumentException("a product needs a sku or a productId");
        }
        return productBySku.getOrDefault(sku, sku);
    }

    /** Replaces one product's figures at one facility with what OFBiz says. */
    public List<StockLevelUpdate> load(StockFact fact) {
        ProductStock stock = product(fact.productId(), fact.sku());
        int f = rules.requireFacility(fact.facilityId());
        stock.lock.lock();
        try {
            set(stock, f, fact);
            return stock.reallocate(allocator);
        } finally {
            stock.lock.unlock();
        }
    }

    /**
     * Loads everything the source knows about the configured facilities; each product is
     * reallocated once, after all its facts.
     */
    public List<StockLevelUpdate> loadAll(StockFactsSource source) {
        Set<ProductStock> touched = new LinkedHashSet<>();
        List<String> facilityIds = rules.facilities().stream().map(Facility::id).toList();
        source.forEachFact(facilityIds, fact -> {
            ProductStock stock = product(fact.productId(), fact.sku());
            int f = rules.requireFacility(fact.facilityId());
            stock.lock.lock();
            try {
                set(stock, f, fact);
            } finally {
                stock.lock.unlock();
            }
            touched.add(stock);
        });
        List<StockLevelUpdate> decreases = new ArrayList<>();
        List<StockLevelUpdate> increases = new ArrayList<>();
        for (ProductStock stock : touched) {
            stock.lock.lock();
            try {
                stock.reallocate(allocator, decreases, increases);
            } finally {
                stock.lock.unlock();
            }
        }
        decreases.addAll(increases);
        return decreases;
    }

    /**
     * Resynchronises one product with OFBiz after a doubt (a failed outbox write, a manual correction):
     * facilities the source no longer reports count as empty.
     */
    public List<StockLevelUpdate> reload(String productId, StockFactsSource source) {
        List<StockFact> facts = new ArrayList<>();
        source.forEachFactOf(productId, rules.facilities().stream().map(Facility::id).toList(), facts::add);
        String sku = facts.stream().map(StockFact::sku).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        ProductStock stock = product(productId, sku);
        stock.lock.lock();
        try {
            java.util.Arrays.fill(stock.onHand, 0);
            java.util.Arrays.fill(stock.reserved, 0);
            java.util.Arrays.fill(stock.inTransit, 0);
            for (StockFact fact : facts) {
                if (!fact.productId().equals(productId)) {
                    throw new IllegalArgumentException("asked for the stock of '" + productId + "', the source answered a fact of '"
                            + fact.productId() + "'");
                }
                set(stock, rules.requireFacility(fact.facilityId()), fact);
            }
            return stock.reallocate(allocator);
        } finally {
            stock.lock.unlock();
        }
    }

    private static void set(ProductStock stock, int f, StockFact fact) {
        stock.onHand[f] = fact.onHandUnits();
        stock.reserved[f] = fact.reservedUnits();
        stock.inTransit[f] = fact.inTransitUnits();
    }

    /** Applies a fact about stock (a receipt, a till sale, damage, a count, a reservation made in OFBiz...). */
    public List<StockLevelUpdate> apply(StockChange change) {
        int f = rules.requireFacility(change.facilityId());
        ProductStock stock = product(change.productId(), null);
        stock.lock.lock();
        try {
            long q = change.quantity();
            switch (change.reason()) {
                case RECEIPT, RETURN -> stock.onHand[f] += q;
                case TRANSFER_IN -> {
                    stock.onHand[f] += q;
                    stock.inTransit[f] = Math.max(0, stock.inTransit[f] - q);
                }
                case SALE, TRANSFER_OUT, DAMAGE -> stock.onHand[f] -= q;
                case COUNT -> stock.onHand[f] = q;
                case RESERVATION -> stock.reserved[f] += q;
                case RELEASE -> stock.reserved[f] = Math.max(0, stock.reserved[f] - q);
            }
            return stock.reallocate(allocator);
        } finally {
            stock.lock.unlock();
        }
    }

    /**
     * Sends {@code quantity} units from one facility to another: they leave {@code from} now and are
     * in transit to {@code to} (not sellable) until a TRANSFER_IN change receives them there.
     */
    public List<StockLevelUpdate> transfer(String productId, String from, String to, long quantity) {
        int source = rules.requireFacility(from);
        int target = rules.requireFacility(to);
        if (quantity <= 0) {
            throw new IllegalArgumentException("transfer of '" + productId + "' needs a positive quantity, was " + quantity);
        }
        ProductStock stock = product(productId, null);
        stock.lock.lock();
        try {
            if (stock.atp(source) < quantity) {
                throw new IllegalStateException("facility '" + from + "' can spare " + Math.max(0, stock.atp(source))
                        + " of '" + productId + "', the transfer asks " + quantity);
            }
            stock.onHand[source] -= quantity;
            stock.inTransit[target] += quantity;
            return stock.reallocate(allocator);
        } finally {
            stock.lock.unlock();
        }
    }

    /**
     * Goods a fan brought back went into stock at {@code facilityId}, whichever channel sold them:
     * the facility's stock grows and every channel it feeds is told.
     */
    public List<StockLevelUpdate> restock(String productId, String facilityId, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("restock of '" + productId + "' needs a positive quantity, was " + quantity);
        }
        return apply(new StockChange(productId, facilityId, StockReason.RETURN, quantity));
    }

    // --- queries ---------------------------------------------------------------------------

    @Override
    public Optional<FacilityStock> atFacility(String productId, String facilityId) {
        int f = rules.requireFacility(facilityId);
        ProductStock stock = products.get(productId);
        if (stock == null) {
            return Optional.empty();
        }
        return Optional.of(read(stock, s -> facilityStock(s, f)));
    }

    @Override
    public long availableToSell(String productId, String channelId) {
        int[] listings = rules.requireChannel(channelId);
        ProductStock stock = products.get(productId);
        if (stock == null) {
            return 0;
        }
        return read(stock, s -> sellable(s, listings));
    }

    @Override
    public List<NearbyStock> nearbyStores(String productId, GeoPoint where, double radiusKm, long units) {
        if (!(radiusKm >= 0)) {
            throw new IllegalArgumentException("radiusKm must not be negative, was " + radiusKm);
        }
        ProductStock stock = products.get(productId);
        if (stock == null) {
            return List.of();
        }
        long[] atp = read(stock, ProductStock::atp);
        List<NearbyStock> found = new ArrayList<>();
        List<Facility> facilities = rules.facilities();
        for (int f = 0; f < facilities.size(); f++) {
            Facility facility = facilities.get(f);
            if (!facility.kind().isStore() || atp[f] < Math.max(1, units)) {
                continue;
            }
            double km = facility.location().distanceKm(where);
            if (km <= radiusKm) {
                found.add(new NearbyStock(facility.id(), facility.kind(), km, atp[f],
                        facility.sharing() != StockSharing.OWNER_CHANNEL_ONLY));
            }
        }
        found.sort(Comparator.comparingDouble(NearbyStock::distanceKm).thenComparing(NearbyStock::facilityId));
        return found;
    }

    @Override
    public List<FacilityStock> everywhere(String productId) {
        ProductStock stock = products.get(productId);
        if (stock == null) {
            return List.of();
        }
        return read(stock, s -> {
            List<FacilityStock> out = new ArrayList<>();
            for (int f = 0; f < s.onHand.length; f++) {
                if (s.onHand[f] != 0 || s.reserved[f] != 0 || s.inTransit[f] != 0) {
                    out.add(facilityStock(s, f));
                }
            }
            return out;
        });
    }

    /** The product's current allocation (null if never allocated), for views and checks. */
    public Allocation allocationOf(String productId) {
        ProductStock stock = products.get(productId);
        return stock == null ? null : read(stock, ProductStock::allocation);
    }

    /** Every product the ledger knows. */
    public Set<String> productIds() {
        return new TreeSet<>(products.keySet());
    }

    // --- package: used by the reservations --------------------------------------------------

    Allocator allocator() {
        return allocator;
    }

    ProductStock existing(String productId) {
        return products.get(productId);
    }

    ProductStock product(String productId, String sku) {
        ProductStock stock = products.computeIfAbsent(productId,
                id -> new ProductStock(id, sku, rules.facilities().size(), rules.listings().size()));
        productBySku.putIfAbsent(stock.sku, productId);
        return stock;
    }

    long sellable(ProductStock stock, int[] listings) {
        Allocation allocation = stock.allocation();
        if (allocation == null) {
            return 0;
        }
        long sum = 0;
        for (int l : listings) {
            sum += allocation.sellable(l);
        }
        return sum;
    }

    /** Locks the given products in productId order, runs the action, unlocks. */
    static <T> T withLocked(Collection<ProductStock> stocks, Function<List<ProductStock>, T> action) {
        List<ProductStock> ordered = new ArrayList<>(stocks);
        ordered.sort(Comparator.comparing(s -> s.productId));
        int locked = 0;
        try {
            for (ProductStock stock : ordered) {
                stock.lock.lock();
                locked++;
            }
            return action.apply(ordered);
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                ordered.get(i).lock.unlock();
            }
        }
    }

    private static <T> T read(ProductStock stock, Function<ProductStock, T> reader) {
        stock.lock.lock();
        try {
            return reader.apply(stock);
        } finally {
            stock.lock.unlock();
        }
    }

    private FacilityStock facilityStock(ProductStock s, int f) {
        return new FacilityStock(s.productId, rules.facilities().get(f).id(), rules.facilities().get(f).kind(),
                s.onHand[f], s.reserved[f], s.atp(f), s.inTransit[f]);
    }
}
