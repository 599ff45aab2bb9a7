package org.omnichannel.ofbiz.inventory;

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
import org.omnichannel.ofbiz.ingest.OutboxPayloads;
import org.omnichannel.ofbiz.ingest.OutboxWriter;

/**
 * The service ECA of a shipped shipment: for each order in it that came from a channel
 * (OrderHeader.omniChannelId), a FULFILMENT outbox row with the channel's own order and line ids
 * (OrderHeader.externalId, OrderItem.externalId) and the carrier and tracking number of the first
 * route segment.
 */
public final class FulfilmentServices {

    private static final String MODULE = FulfilmentServices.class.getName();

    private FulfilmentServices() {
    }

    public static Map<String, Object> queueOmniFulfilmentNotice(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String shipmentId = (String) context.get("shipmentId");
        try {
            Map<String, List<String>> linesByOrder = new LinkedHashMap<>();
            for (GenericValue os : EntityQuery.use(delegator).from("OrderShipment").where("shipmentId", shipmentId)
                    .orderBy("orderId", "orderItemSeqId").queryList()) {
                linesByOrder.computeIfAbsent(os.getString("orderId"), k -> new ArrayList<>()).add(os.getString("orderItemSeqId"));
            }
            GenericValue segment = EntityQuery.use(delegator).from("ShipmentRouteSegment").where("shipmentId", shipmentId)
                    .orderBy("shipmentRouteSegmentId").queryFirst();
            String carrier = segment == null ? null : segment.getString("carrierPartyId");
            String tracking = segment == null ? null : segment.getString("trackingIdNumber");
            OutboxWriter outbox = new OutboxWriter(delegator);
            long queued = 0;
            for (Map.Entry<String, List<String>> order : linesByOrder.entrySet()) {
                GenericValue header = EntityQuery.use(delegator).from("OrderHeader").where("orderId", order.getKey()).queryOne();
                if (header == null || header.getString("omniChannelId") == null) {
                    continue;
                }
                List<String> lineIds = new ArrayList<>();
                for (String seq : order.getValue()) {
                    GenericValue item = EntityQuery.use(delegator).from("OrderItem")
                            .where("orderId", order.getKey(), "orderItemSeqId", seq).queryOne();
                    String external = item == null ? null : item.getString("externalId");
                    String lineId = external != null ? external : seq;
                    if (!lineIds.contains(lineId)) {
                        lineIds.add(lineId);
                    }
                }
                String channelOrderId = header.getString("externalId") != null ? header.getString("externalId") : order.getKey();
                outbox.write(header.getString("omniChannelId"), OutboxPayloads.FULFILMENT_ENUM,
                        OutboxPayloads.fulfilment(channelOrderId, lineIds, carrier, tracking, null));
                queued++;
            }
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("queued", queued);
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "queueOmniFulfilmentNotice failed for shipment " + shipmentId, MODULE);
            return ServiceUtil.returnError("could not queue the fulfilment notice of shipment " + shipmentId + ": " + e.getMessage());
        }
    }
}
