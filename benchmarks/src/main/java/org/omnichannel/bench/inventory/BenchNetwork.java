package org.omnichannel.bench.inventory;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.ChannelRule;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.FacilityKind;
import org.omnichannel.core.inventory.GeoPoint;
import org.omnichannel.core.inventory.SafetyStock;
import org.omnichannel.core.inventory.StockSharing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A brand's network for the benchmark, from a seed: facilities spread over eastern China (a few
 * warehouses, many own stores, some franchise stores, a tenth of which keep their stock to
 * themselves) and channels of every kind: online channels fed by the warehouses and own stores,
 * marketplaces by the warehouses only, and one till channel per store for the rest.
 */
public final class BenchNetwork {

    private BenchNetwork() {
    }

    /** City centres the stores cluster around (Shanghai, Hangzhou, Nanjing, Suzhou, Beijing, Guangzhou, Shenzhen, Chengdu). */
    private static final double[][] CITIES = {
            {31.23, 121.47}, {30.27, 120.15}, {32.06, 118.80}, {31.30, 120.62},
            {39.90, 116.41}, {23.13, 113.26}, {22.54, 114.06}, {30.57, 104.07}};

    public static List<Facility> facilities(int count, Random random) {
        List<Facility> out = new ArrayList<>();
        int warehouses = Math.max(1, count / 20);
        for (int i = 0; i < count; i++) {
            double[] city = CITIES[i % CITIES.length];
            GeoPoint at = new GeoPoint(city[0] + random.nextGaussian() * 0.15, city[1] + random.nextGaussian() * 0.15);
            if (i < warehouses) {
                out.add(Facility.shared(String.format("WH-%03d", i), FacilityKind.WAREHOUSE, at));
            } else if (i % 5 == 0) {
                Facility franchise = Facility.shared(String.format("FR-%03d", i), FacilityKind.FRANCHISE_STORE, at);
                out.add(i % 10 == 0 ? franchise.withSharing(StockSharing.OWNER_CHANNEL_ONLY, "till-" + franchise.id())
                        : franchise.withWalkInReserve(1));
            } else {
                out.add(Facility.shared(String.format("ST-%03d", i), FacilityKind.OWN_STORE, at).withWalkInReserve(1));
            }
        }
        return out;
    }

    /**
     * {@code channelCount} channels: every one is fed by all warehouses, so a warehouse's stock change
     * reaches all of them. Online channels take the own stores too; the rest are tills of stores.
     */
    public static List<ChannelRule> channels(int channelCount, List<Facility> facilities, Random random) {
        List<ChannelRule> rules = new ArrayList<>();
        Set<String> warehouses = new HashSet<>();
        List<Facility> stores = new ArrayList<>();
        for (Facility f : facilities) {
            if (f.kind() == FacilityKind.WAREHOUSE) {
                warehouses.add(f.id());
            } else {
                stores.add(f);
            }
        }
        ChannelKind[] online = {ChannelKind.OWN_ECOMMERCE, ChannelKind.MARKETPLACE, ChannelKind.SOCIAL};
        int onlineCount = Math.max(1, channelCount / 5);
        for (int c = 0; c < onlineCount; c++) {
            ChannelKind kind = online[c % online.length];
            Set<FacilityKind> kinds = kind == ChannelKind.MARKETPLACE ? Set.of() : Set.of(FacilityKind.OWN_STORE);
            rules.add(new ChannelRule(String.format("online-%02d", c), kind, warehouses, kinds,
                    new SafetyStock(random.nextInt(3), random.nextInt(10)), c % 4 == 3 ? 50L : null,
                    random.nextInt(3), 1 + random.nextInt(3), false, Map.of()));
        }
        for (int c = onlineCount; c < channelCount && c - onlineCount < stores.size(); c++) {
            Facility store = stores.get(c - onlineCount);
            Set<String> feed = new HashSet<>(warehouses);
            feed.add(store.id());
            ChannelKind kind = store.kind() == FacilityKind.FRANCHISE_STORE ? ChannelKind.OFFLINE_FRANCHISE : ChannelKind.OFFLINE_DIRECT;
            String id = store.sharing() == StockSharing.OWNER_CHANNEL_ONLY ? store.ownerChannelId() : "till-" + store.id();
            rules.add(new ChannelRule(id, kind, feed, Set.of(), SafetyStock.NONE, null, 1, 2, false, Map.of()));
        }
        return rules;
    }

    public static AllocationRules rules(int facilityCount, int channelCount, Random random) {
        List<Facility> facilities = facilities(facilityCount, random);
        return AllocationRules.of(facilities, channels(channelCount, facilities, random));
    }

    /** A point near one of the cities: where a fan lives. */
    public static GeoPoint somewhere(Random random) {
        double[] city = CITIES[random.nextInt(CITIES.length)];
        return new GeoPoint(city[0] + random.nextGaussian() * 0.3, city[1] + random.nextGaussian() * 0.3);
    }
}
