package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.inventory.GeoPoint;
import org.omnichannel.core.inventory.OrderRequest;
import org.omnichannel.core.inventory.OrderReservations;
import org.omnichannel.core.inventory.RequestedLine;
import org.omnichannel.core.inventory.RoutingCosts;
import org.omnichannel.core.inventory.StockLedger;

/**
 * routeOmniOrder: where an order's units should come from, as core's OrderRouter decides over
 * OFBiz's stock and the channel's allocation (ship-from-store, pick-up-in-store, split; refused
 * beyond what the channel may sell). The lines are given, or read from the OFBiz order's items.
 * Nothing is reserved in OFBiz: OFBiz's own reservation (at order creation) stays the record.
 */
public final class OrderRoutingServices {

    private static final String MODULE = OrderRoutingServices.class.getName();

    private OrderRoutingServices() {
    }

    public static Map<String, Object> routeOmniOrder(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String channelId = (String) context.get("channelId");
        String orderId = context.get("orderId") == null ? "route-request" : (String) context.get("orderId");
        try {
            Map<String, Long> lines = lines(delegator, context, orderId);
            if (lines.isEmpty()) {
                return ServiceUtil.returnError("order " + orderId + " has no lines to route: pass lines (productId to quantity)"
                        + " or the orderId of an OFBiz order with items");
            }
            List<RequestedLine> requested = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, Long> line : lines.entrySet()) {
                requested.add(new RequestedLine(String.valueOf(++n), line.getKey(), line.getValue()));
            }
            String pickup = (String) context.get("pickupFacilityId");
            BigDecimal lat = (BigDecimal) context.get("latitude");
            BigDecimal lon = (BigDecimal) context.get("longitude");
            GeoPoint destination = lat == null || lon == null ? StockRows.NOWHERE : new GeoPoint(lat.doubleValue(), lon.doubleValue());
            OrderRequest request = new OrderRequest(orderId, channelId, pickup == null ? FulfilmentMode.SHIP : FulfilmentMode.PICKUP_IN_STORE,
                    pickup == null ? destination : null, pickup, requested);
            StockLedger ledger = OfbizStock.ledger(delegator, lines.keySet());
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.putAll(RoutingRows.answer(new OrderReservations(ledger, RoutingCosts.DEFAULT).reserve(request)));
            return result;
        } catch (GenericEntityException | RuntimeException e) {
            Debug.logError(e, "routeOmniOrder failed for " + orderId, MODULE);
            return ServiceUtil.returnError("could not route order " + orderId + " of channel " + channelId + ": " + e.getMessage());
        }
    }

    private static Map<String, Long> lines(Delegator delegator, Map<String, ? extends Object> context, String orderId)
            throws GenericEntityException {
        Map<String, Long> lines = new LinkedHashMap<>();
        Object given = context.get("lines");
        if (given instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> line : map.entrySet()) {
                lines.merge(String.valueOf(line.getKey()), quantity(line.getValue(), line.getKey()), Long::sum);
            }
            return lines;
        }
        for (GenericValue item : EntityQuery.use(delegator).from("OrderItem").where("orderId", orderId).orderBy("orderItemSeqId").queryList()) {
            if (item.getString("productId") != null && item.getBigDecimal("quantity") != null) {
                lines.merge(item.getString("productId"), quantity(item.getBigDecimal("quantity"), item.getString("productId")), Long::sum);
            }
        }
        return lines;
    }

    private static long quantity(Object value, Object productId) {
        BigDecimal quantity = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).strip());
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("lines: quantity of " + productId + " must be a positive whole number, was " + value);
        }
        return quantity.longValueExact();
    }
}
