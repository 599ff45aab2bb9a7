package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.inventory.StockLedger;
import org.omnichannel.core.inventory.StockLevelUpdate;
import org.omnichannel.ofbiz.ingest.OutboxPayloads;
import org.omnichannel.ofbiz.ingest.OutboxWriter;

/**
 * Publishing available-to-sell with core's inventory engine: the product's InventoryItems at every
 * channel's facilities (its product store's, else its own) are split between the channels by
 * core's allocation (weights, safety stock, caps, exclusive pools: no unit is promised to two
 * channels), and for each channel that publishes stock a figure that differs from the one last
 * published becomes an outbox row in the same transaction.
 */
public final class StockPublishServices {

    private static final String MODULE = StockPublishServices.class.getName();

    private StockPublishServices() {
    }

    public static Map<String, Object> publishChannelStock(DispatchContext dctx, Map<String, ? extends Object> context) {
        try {
            long published = publish(dctx, (String) context.get("productId"));
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("published", published);
            return result;
        } catch (GenericEntityException | GenericServiceException | RuntimeException e) {
            Debug.logError(e, "publishChannelStock failed", MODULE);
            return ServiceUtil.returnError("could not publish the stock of " + context.get("productId") + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> publishChannelStockForInventoryItem(DispatchContext dctx,
            Map<String, ? extends Object> context) {
        try {
            GenericValue item = EntityQuery.use(dctx.getDelegator()).from("InventoryItem")
                    .where("inventoryItemId", context.get("inventoryItemId")).queryOne();
            long published = item == null ? 0 : publish(dctx, item.getString("productId"));
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("published", published);
            return result;
        } catch (GenericEntityException | GenericServiceException | RuntimeException e) {
            Debug.logError(e, "publishChannelStockForInventoryItem failed", MODULE);
            return ServiceUtil.returnError("could not publish the stock of inventory item "
                    + context.get("inventoryItemId") + ": " + e.getMessage());
        }
    }

    static long publish(DispatchContext dctx, String productId) throws GenericEntityException, GenericServiceException {
        Delegator delegator = dctx.getDelegator();
        Set<String> publishing = new HashSet<>();
        for (GenericValue channel : EntityQuery.use(delegator).from("OmniChannel").where("publishStock", "Y").queryList()) {
            publishing.add(channel.getString("channelId"));
        }
        if (publishing.isEmpty()) {
            return 0;
        }
        StockLedger ledger = new StockLedger(OfbizStock.rules(delegator));
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        String sku = productId;
        for (StockLevelUpdate update : ledger.reload(productId, OfbizStock.facts(delegator))) {
            sku = update.sku() == null ? productId : update.sku();
        }
        for (String channelId : publishing) {
            if (ledger.rules().rules().containsKey(channelId)) {
                figures.put(channelId, BigDecimal.valueOf(ledger.availableToSell(productId, channelId)));
            } else {
                figures.put(channelId, BigDecimal.ZERO);
            }
        }
        OutboxWriter outbox = new OutboxWriter(delegator);
        long published = 0;
        for (Map.Entry<String, BigDecimal> figure : figures.entrySet()) {
            String channelId = figure.getKey();
            BigDecimal ats = figure.getValue();
            GenericValue last = EntityQuery.use(delegator).from("OmniPublishedStock")
                    .where("channelId", channelId, "productId", productId).queryOne();
            if (last != null && last.getBigDecimal("availableToSell") != null
                    && last.getBigDecimal("availableToSell").compareTo(ats) == 0) {
                continue;
            }
            String cursor = outbox.write(channelId, OutboxPayloads.STOCK_LEVEL_ENUM,
                    OutboxPayloads.stockLevel(sku, productId, null, ats));
            GenericValue row = last != null ? last : delegator.makeValue("OmniPublishedStock");
            row.set("channelId", channelId);
            row.set("productId", productId);
            row.set("availableToSell", ats);
            row.set("publishedDate", UtilDateTime.nowTimestamp());
            row.set("outboxCursor", cursor);
            if (last == null) {
                delegator.create(row);
            } else {
                row.store();
            }
            published++;
        }
        return published;
    }
}
