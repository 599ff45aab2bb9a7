package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.ChannelRule;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.FacilityStock;
import org.omnichannel.core.inventory.NearbyStock;
import org.omnichannel.core.inventory.StockAvailability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Next-best-action's {@link StockLookup} answered by the inventory engine's live view: what a store
 * can promise from its shelf, which online channels may sell the product now, and which stores near
 * the asking store have it (nearest first, within {@code radiusKm}).
 */
public final class InventoryStockLookup implements StockLookup {

    private final StockAvailability stock;
    private final AllocationRules rules;
    private final double radiusKm;

    public InventoryStockLookup(StockAvailability stock, AllocationRules rules, double radiusKm) {
        if (stock == null || rules == null) {
            throw new IllegalArgumentException("InventoryStockLookup needs the stock view and its allocation rules");
        }
        if (!(radiusKm >= 0)) {
            throw new IllegalArgumentException("radiusKm must not be negative, was " + radiusKm);
        }
        this.stock = stock;
        this.rules = rules;
        this.radiusKm = radiusKm;
    }

    @Override
    public BigDecimal availableAt(String productId, String facilityId) {
        if (rules.facilityIndex(facilityId).isEmpty()) {
            return BigDecimal.ZERO;
        }
        return stock.atFacility(productId, facilityId).map(FacilityStock::availableToPromiseDecimal)
                .filter(units -> units.signum() > 0).orElse(BigDecimal.ZERO);
    }

    @Override
    public List<StockSource> alternatives(String productId, String facilityId) {
        List<StockSource> online = new ArrayList<>();
        for (ChannelRule rule : rules.rules().values()) {
            if (!rule.kind().isOffline()) {
                long units = stock.availableToSell(productId, rule.channelId());
                if (units > 0) {
                    online.add(new StockSource(rule.channelId(), rule.kind(), null, BigDecimal.valueOf(units), null));
                }
            }
        }
        online.sort(Comparator.comparing(StockSource::available).reversed().thenComparing(StockSource::channelId));
        List<StockSource> sources = new ArrayList<>(online);
        facility(facilityId).ifPresent(here -> {
            for (NearbyStock near : stock.nearbyStores(productId, here.location(), radiusKm, 1)) {
                if (!near.facilityId().equals(facilityId)) {
                    storeChannel(near.facilityId()).ifPresent(channel -> sources.add(new StockSource(channel.channelId(),
                            channel.kind(), near.facilityId(), BigDecimal.valueOf(near.availableToPromise()),
                            near.distanceKm())));
                }
            }
        });
        return sources;
    }

    private Optional<Facility> facility(String facilityId) {
        return rules.facilities().stream().filter(f -> f.id().equals(facilityId)).findFirst();
    }

    /** The offline channel that sells from a store: the store's own channel for a non-sharing franchise. */
    private Optional<ChannelRule> storeChannel(String facilityId) {
        Facility facility = facility(facilityId).orElseThrow();
        int index = rules.requireFacility(facilityId);
        return rules.rules().values().stream()
                .filter(rule -> rule.kind() == ChannelKind.OFFLINE_DIRECT || rule.kind() == ChannelKind.OFFLINE_FRANCHISE)
                .filter(rule -> facility.ownerChannelId() == null || facility.ownerChannelId().equals(rule.channelId()))
                .filter(rule -> rules.feeds(rule.channelId(), index))
                .min(Comparator.comparing(ChannelRule::channelId));
    }
}
