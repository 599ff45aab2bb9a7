package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small in-memory stock table implementing the {@link StockLookup} port the way the inventory
 * engine will: store stock per facility, online stock per channel, distances between stores.
 */
final class StockTable implements StockLookup {

    private record Store(String facilityId, String channelId, ChannelKind kind) {
    }

    private final Map<String, Map<String, BigDecimal>> storeStock = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> onlineStock = new HashMap<>();
    private final Map<String, Store> stores = new HashMap<>();
    private final Map<String, Double> distances = new HashMap<>();

    StockTable store(String facilityId, String channelId, ChannelKind kind) {
        stores.put(facilityId, new Store(facilityId, channelId, kind));
        return this;
    }

    StockTable inStore(String productId, String facilityId, int units) {
        storeStock.computeIfAbsent(productId, p -> new HashMap<>()).put(facilityId, BigDecimal.valueOf(units));
        return this;
    }

    StockTable online(String productId, String channelId, int units) {
        onlineStock.computeIfAbsent(productId, p -> new HashMap<>()).put(channelId, BigDecimal.valueOf(units));
        return this;
    }

    StockTable distance(String a, String b, double km) {
        distances.put(a + "|" + b, km);
        distances.put(b + "|" + a, km);
        return this;
    }

    @Override
    public BigDecimal availableAt(String productId, String facilityId) {
        return storeStock.getOrDefault(productId, Map.of()).getOrDefault(facilityId, BigDecimal.ZERO);
    }

    @Override
    public List<StockSource> alternatives(String productId, String facilityId) {
        List<StockSource> online = new ArrayList<>();
        onlineStock.getOrDefault(productId, Map.of()).forEach((channel, units) -> {
            if (units.signum() > 0) {
                online.add(new StockSource(channel, ChannelKind.OWN_ECOMMERCE, null, units, null));
            }
        });
        online.sort(Comparator.comparing(StockSource::available).reversed());
        List<StockSource> nearby = new ArrayList<>();
        storeStock.getOrDefault(productId, Map.of()).forEach((facility, units) -> {
            Double km = distances.get(facilityId + "|" + facility);
            if (units.signum() > 0 && !facility.equals(facilityId) && km != null) {
                Store s = stores.get(facility);
                nearby.add(new StockSource(s.channelId(), s.kind(), facility, units, km));
            }
        });
        nearby.sort(Comparator.comparing(StockSource::distanceKm));
        List<StockSource> all = new ArrayList<>(online);
        all.addAll(nearby);
        return all;
    }
}
