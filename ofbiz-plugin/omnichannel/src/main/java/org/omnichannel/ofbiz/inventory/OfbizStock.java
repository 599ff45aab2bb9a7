package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.condition.EntityCondition;
import org.apache.ofbiz.entity.condition.EntityOperator;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.fan.insight.InventoryStockLookup;
import org.omnichannel.core.fan.insight.StockLookup;
import org.omnichannel.core.fan.insight.StockSource;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.StockFact;
import org.omnichannel.core.inventory.StockFactsSource;
import org.omnichannel.core.inventory.StockLedger;
import org.omnichannel.ofbiz.fan.OmniEnums;

/**
 * Core's inventory engine over OFBiz's data, read in the caller's transaction: the allocation
 * rules from OmniChannel, ProductStoreFacility, Facility/GeoPoint and OmniChannelAllocation; the
 * stock facts ({@link StockFactsSource}) from InventoryItem's quantityOnHandTotal and
 * availableToPromiseTotal (OFBiz's ATP is already net of its reservations) with the SKU from
 * GoodIdentification. A ledger is built per call and loaded only with the products asked about.
 */
public final class OfbizStock {

    /** Stores further than this from the asking store are not suggested by next-best-action. */
    public static final double NEARBY_KM = 50;

    private OfbizStock() {
    }

    /** The allocation rules as OFBiz holds them now. */
    public static AllocationRules rules(Delegator delegator) throws GenericEntityException {
        List<GenericValue> channels = EntityQuery.use(delegator).from("OmniChannel").orderBy("channelId").queryList();
        Map<String, List<String>> feeds = new LinkedHashMap<>();
        Map<String, String> franchiseChannelOf = new HashMap<>();
        Set<String> facilityIds = new LinkedHashSet<>();
        for (GenericValue channel : channels) {
            List<String> ids = new ArrayList<>();
            if (channel.getString("productStoreId") != null) {
                for (GenericValue psf : EntityQuery.use(delegator).from("ProductStoreFacility")
                        .where("productStoreId", channel.getString("productStoreId")).filterByDate().queryList()) {
                    ids.add(psf.getString("facilityId"));
                }
            }
            if (ids.isEmpty() && channel.getString("facilityId") != null) {
                ids.add(channel.getString("facilityId"));
            }
            feeds.put(channel.getString("channelId"), ids);
            facilityIds.addAll(ids);
            if (OmniEnums.channelKind(ChannelKind.OFFLINE_FRANCHISE).equals(channel.getString("channelKindEnumId"))
                    && channel.getString("facilityId") != null) {
                franchiseChannelOf.putIfAbsent(channel.getString("facilityId"), channel.getString("channelId"));
            }
        }
        Map<String, Facility> facilities = new LinkedHashMap<>();
        for (String facilityId : facilityIds) {
            GenericValue row = EntityQuery.use(delegator).from("Facility").where("facilityId", facilityId).queryOne();
            if (row == null) {
                continue;
            }
            GenericValue geo = row.getString("geoPointId") == null ? null
                    : EntityQuery.use(delegator).from("GeoPoint").where("geoPointId", row.getString("geoPointId")).queryOne();
            facilities.put(facilityId, StockRows.facility(facilityId, row.getString("facilityTypeId"),
                    geo == null ? null : geo.getBigDecimal("latitude"), geo == null ? null : geo.getBigDecimal("longitude"),
                    franchiseChannelOf.get(facilityId)));
        }
        List<StockRows.Channel> rows = new ArrayList<>();
        Map<String, Map<String, Object>> allocations = new HashMap<>();
        for (GenericValue channel : channels) {
            String channelId = channel.getString("channelId");
            rows.add(new StockRows.Channel(channelId, OmniEnums.channelKindOf(channel.getString("channelKindEnumId")),
                    feeds.get(channelId)));
            GenericValue allocation = EntityQuery.use(delegator).from("OmniChannelAllocation")
                    .where("channelId", channelId, "productId", "_NA_").queryOne();
            if (allocation != null) {
                allocations.put(channelId, allocation.getAllFields());
            }
        }
        return StockRows.rules(new ArrayList<>(facilities.values()), rows, allocations);
    }

    /** The stock facts port on the Delegator. */
    public static StockFactsSource facts(Delegator delegator) {
        return new StockFactsSource() {
            @Override
            public void forEachFact(Collection<String> facilityIds, Consumer<StockFact> sink) {
                read(delegator, null, facilityIds).forEach(sink);
            }

            @Override
            public void forEachFactOf(String productId, Collection<String> facilityIds, Consumer<StockFact> sink) {
                read(delegator, productId, facilityIds).forEach(sink);
            }
        };
    }

    private static List<StockFact> read(Delegator delegator, String productId, Collection<String> facilityIds) {
        if (facilityIds.isEmpty()) {
            return List.of();
        }
        try {
            List<EntityCondition> where = new ArrayList<>();
            where.add(EntityCondition.makeCondition("facilityId", EntityOperator.IN, new ArrayList<>(facilityIds)));
            if (productId != null) {
                where.add(EntityCondition.makeCondition("productId", productId));
            }
            List<StockRows.Item> items = new ArrayList<>();
            Set<String> products = new HashSet<>();
            for (GenericValue item : EntityQuery.use(delegator).from("InventoryItem")
                    .where(where.toArray(new EntityCondition[0])).orderBy("productId", "facilityId").queryList()) {
                if (item.getString("productId") == null) {
                    continue;
                }
                items.add(new StockRows.Item(item.getString("productId"), item.getString("facilityId"),
                        item.getBigDecimal("quantityOnHandTotal"), item.getBigDecimal("availableToPromiseTotal")));
                products.add(item.getString("productId"));
            }
            Map<String, String> skus = new HashMap<>();
            for (String product : products) {
                GenericValue sku = EntityQuery.use(delegator).from("GoodIdentification")
                        .where("productId", product, "goodIdentificationTypeId", "SKU").queryOne();
                if (sku != null) {
                    skus.put(product, sku.getString("idValue"));
                }
            }
            return StockRows.facts(items, skus);
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the InventoryItems of " + (productId == null ? "every product" : productId)
                    + ": " + e.getMessage(), e);
        }
    }

    /** A ledger over OFBiz's rules, loaded with the given products' stock. */
    public static StockLedger ledger(Delegator delegator, Collection<String> productIds) throws GenericEntityException {
        StockLedger ledger = new StockLedger(rules(delegator));
        StockFactsSource source = facts(delegator);
        for (String productId : productIds) {
            ledger.reload(productId, source);
        }
        return ledger;
    }

    /**
     * Next-best-action's stock questions, answered by the inventory engine over OFBiz's figures:
     * each product is loaded the first time it is asked about.
     */
    public static StockLookup lookup(Delegator delegator) {
        return new StockLookup() {
            private StockLedger ledger;
            private InventoryStockLookup answers;
            private final Set<String> loaded = new HashSet<>();

            private InventoryStockLookup of(String productId) {
                try {
                    if (ledger == null) {
                        ledger = new StockLedger(rules(delegator));
                        answers = new InventoryStockLookup(ledger, ledger.rules(), NEARBY_KM);
                    }
                    if (loaded.add(productId)) {
                        ledger.reload(productId, facts(delegator));
                    }
                    return answers;
                } catch (GenericEntityException e) {
                    throw new IllegalStateException("could not read the allocation rules: " + e.getMessage(), e);
                }
            }

            @Override
            public BigDecimal availableAt(String productId, String facilityId) {
                return of(productId).availableAt(productId, facilityId);
            }

            @Override
            public List<StockSource> alternatives(String productId, String facilityId) {
                InventoryStockLookup stock = of(productId);
                return ledger.rules().facilityIndex(facilityId).isEmpty() ? List.of() : stock.alternatives(productId, facilityId);
            }
        };
    }
}
