package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.ChannelRule;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.FacilityKind;
import org.omnichannel.core.inventory.GeoPoint;
import org.omnichannel.core.inventory.SafetyStock;
import org.omnichannel.core.inventory.StockFact;
import org.omnichannel.core.inventory.StockSharing;

/**
 * OFBiz rows to core's inventory model, and nothing else: a Facility row to a {@link Facility},
 * a channel with its OmniChannelAllocation row to a {@link ChannelRule}, InventoryItem rows to
 * {@link StockFact}s. Pure: no OFBiz class, tested on its own.
 */
public final class StockRows {

    /** Where a facility without a GeoPoint is put: distances from it mean nothing, routing still works. */
    public static final GeoPoint NOWHERE = new GeoPoint(0, 0);

    private StockRows() {
    }

    /**
     * A facility: RETAIL_STORE is a store (a franchise store when a franchise channel sells from it,
     * and then only that channel may sell its stock), anything else a warehouse.
     *
     * @param franchiseChannelId the OFFLINE_FRANCHISE channel whose facility this is, or null
     */
    public static Facility facility(String facilityId, String facilityTypeId, BigDecimal latitude, BigDecimal longitude,
            String franchiseChannelId) {
        GeoPoint where = latitude == null || longitude == null ? NOWHERE
                : new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
        if (franchiseChannelId != null) {
            return new Facility(facilityId, FacilityKind.FRANCHISE_STORE, where, StockSharing.OWNER_CHANNEL_ONLY,
                    franchiseChannelId, 0, 0);
        }
        FacilityKind kind = "RETAIL_STORE".equals(facilityTypeId) ? FacilityKind.OWN_STORE : FacilityKind.WAREHOUSE;
        return Facility.shared(facilityId, kind, where);
    }

    /**
     * A channel's rule from its allocation row ({@code _NA_} product), or empty when the channel
     * sells no stock: no facility it may sell from, or a weight of 0.
     *
     * @param allocation the OmniChannelAllocation fields (allocationPercent as the weight, safetyStock,
     *                   safetyPercent, capQuantity, allocPriority, exclusivePool), or an empty map: weight 1, no safety stock
     */
    public static Optional<ChannelRule> channelRule(String channelId, ChannelKind kind, Collection<String> facilityIds,
            Map<String, Object> allocation) {
        if (facilityIds.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal percent = (BigDecimal) allocation.get("allocationPercent");
        int weight = percent == null ? 1 : percent.setScale(0, RoundingMode.HALF_UP).intValueExact();
        if (weight <= 0) {
            return Optional.empty();
        }
        if (weight > 1000) {
            throw new IllegalArgumentException("OmniChannelAllocation of channel '" + channelId
                    + "': allocationPercent is the channel's weight, 1 to 1000, was " + percent.toPlainString());
        }
        BigDecimal safety = (BigDecimal) allocation.get("safetyStock");
        long units = safety == null ? 0 : safety.setScale(0, RoundingMode.CEILING).longValueExact();
        Long safetyPercent = (Long) allocation.get("safetyPercent");
        Long cap = (Long) allocation.get("capQuantity");
        Long priority = (Long) allocation.get("allocPriority");
        boolean exclusive = "Y".equals(allocation.get("exclusivePool"));
        return Optional.of(new ChannelRule(channelId, kind, Set.copyOf(facilityIds), Set.of(),
                new SafetyStock(units, safetyPercent == null ? 0 : Math.toIntExact(safetyPercent)), cap,
                priority == null ? 0 : Math.toIntExact(priority), weight, exclusive, Map.of()));
    }

    /** A channel as the rules need it: its kind and the facilities it names (its product store's, else its own). */
    public record Channel(String channelId, ChannelKind kind, List<String> facilityIds) {
    }

    /**
     * The allocation rules of OFBiz's channels: each channel is fed by the facilities it names that
     * it may sell from (an unshared franchise store feeds its own till only), with its allocation
     * row; a channel left with no facility, or with weight 0, sells no stock.
     *
     * @param allocations channelId to the fields of its OmniChannelAllocation _NA_ row (absent: defaults)
     */
    public static AllocationRules rules(List<Facility> facilities, List<Channel> channels, Map<String, Map<String, Object>> allocations) {
        Map<String, Facility> byId = new LinkedHashMap<>();
        facilities.forEach(f -> byId.put(f.id(), f));
        List<ChannelRule> rules = new ArrayList<>();
        for (Channel channel : channels) {
            List<String> sellable = new ArrayList<>();
            for (String facilityId : channel.facilityIds()) {
                Facility facility = byId.get(facilityId);
                if (facility != null && facility.sellableBy(channel.channelId(), channel.kind()) && !sellable.contains(facilityId)) {
                    sellable.add(facilityId);
                }
            }
            channelRule(channel.channelId(), channel.kind(), sellable, allocations.getOrDefault(channel.channelId(), Map.of()))
                    .ifPresent(rules::add);
        }
        return AllocationRules.of(new ArrayList<>(byId.values()), rules);
    }

    /** One InventoryItem's figures. */
    public record Item(String productId, String facilityId, BigDecimal quantityOnHand, BigDecimal availableToPromise) {
    }

    /**
     * The facts of InventoryItem rows: summed per product and facility, in the order first seen.
     *
     * @param skus productId to its SKU (GoodIdentification SKU); a product without one is known by its id
     */
    public static List<StockFact> facts(List<Item> items, Map<String, String> skus) {
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Item item : items) {
            BigDecimal[] sum = sums.computeIfAbsent(List.of(item.productId(), item.facilityId()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(item.quantityOnHand() == null ? BigDecimal.ZERO : item.quantityOnHand());
            sum[1] = sum[1].add(item.availableToPromise() == null ? BigDecimal.ZERO : item.availableToPromise());
        }
        List<StockFact> facts = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> facts.add(new StockFact(key.get(0), skus.get(key.get(0)), key.get(1), sum[0], sum[1], null)));
        return facts;
    }
}
