package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.ofbiz.ingest.OutboxPayloads;
import org.omnichannel.ofbiz.ingest.OutboxWriter;

/**
 * Publishing available-to-sell: for each channel that publishes stock, the product's
 * available-to-promise over the channel's facilities (its product store's facilities, else its
 * own facility), cut by the channel's allocation rule. A figure that differs from the one last
 * published becomes an outbox row in the same transaction.
 */
public final class StockPublishServices {

    private static final String MODULE = StockPublishServices.class.getName();
    private static final String ANY_PRODUCT = "_NA_";

    private StockPublishServices() {
    }

    public static Map<String, Object> publishChannelStock(DispatchContext dctx, Map<String, ? extends Object> context) {
        try {
            long published = publish(dctx, (String) context.get("productId"));
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("published", published);
            return result;
        } catch (GenericEntityException | GenericServiceException | IllegalArgumentException e) {
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
        } catch (GenericEntityException | GenericServiceException | IllegalArgumentException e) {
            Debug.logError(e, "publishChannelStockForInventoryItem failed", MODULE);
            return ServiceUtil.returnError("could not publish the stock of inventory item "
                    + context.get("inventoryItemId") + ": " + e.getMessage());
        }
    }

    static long publish(DispatchContext dctx, String productId) throws GenericEntityException, GenericServiceException {
        Delegator delegator = dctx.getDelegator();
        List<GenericValue> channels = EntityQuery.use(delegator).from("OmniChannel").where("publishStock", "Y").queryList();
        if (channels.isEmpty()) {
            return 0;
        }
        String sku = sku(delegator, productId);
        OutboxWriter outbox = new OutboxWriter(delegator);
        long published = 0;
        for (GenericValue channel : channels) {
            String channelId = channel.getString("channelId");
            BigDecimal atp = availableToPromise(dctx, channel, productId);
            BigDecimal ats = allocation(delegator, channelId, productId).availableToSell(atp);
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

    private static BigDecimal availableToPromise(DispatchContext dctx, GenericValue channel, String productId)
            throws GenericEntityException, GenericServiceException {
        List<String> facilities = new ArrayList<>();
        if (channel.getString("productStoreId") != null) {
            for (GenericValue psf : EntityQuery.use(dctx.getDelegator()).from("ProductStoreFacility")
                    .where("productStoreId", channel.getString("productStoreId")).filterByDate().queryList()) {
                facilities.add(psf.getString("facilityId"));
            }
        }
        if (facilities.isEmpty() && channel.getString("facilityId") != null) {
            facilities.add(channel.getString("facilityId"));
        }
        LocalDispatcher dispatcher = dctx.getDispatcher();
        BigDecimal total = BigDecimal.ZERO;
        for (String facilityId : facilities) {
            Map<String, Object> in = new HashMap<>();
            in.put("productId", productId);
            in.put("facilityId", facilityId);
            Map<String, Object> result = dispatcher.runSync("getInventoryAvailableByFacility", in);
            if (!ServiceUtil.isSuccess(result)) {
                throw new GenericServiceException("getInventoryAvailableByFacility: " + ServiceUtil.getErrorMessage(result));
            }
            BigDecimal atp = (BigDecimal) result.get("availableToPromiseTotal");
            if (atp != null) {
                total = total.add(atp);
            }
        }
        return total;
    }

    private static ChannelAllocation allocation(Delegator delegator, String channelId, String productId)
            throws GenericEntityException {
        GenericValue rule = EntityQuery.use(delegator).from("OmniChannelAllocation")
                .where("channelId", channelId, "productId", productId).queryOne();
        if (rule == null) {
            rule = EntityQuery.use(delegator).from("OmniChannelAllocation")
                    .where("channelId", channelId, "productId", ANY_PRODUCT).queryOne();
        }
        return rule == null ? ChannelAllocation.WHOLE_STOCK
                : new ChannelAllocation(rule.getBigDecimal("allocationPercent"), rule.getBigDecimal("safetyStock"));
    }

    private static String sku(Delegator delegator, String productId) throws GenericEntityException {
        GenericValue sku = EntityQuery.use(delegator).from("GoodIdentification")
                .where("productId", productId, "goodIdentificationTypeId", "SKU").queryOne();
        return sku == null ? productId : sku.getString("idValue");
    }
}
