package org.omnichannel.ofbiz.ingest;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.condition.EntityCondition;
import org.apache.ofbiz.entity.condition.EntityOperator;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;

/** The services {@code readOmniOutbox} and {@code acknowledgeOmniOutbox}: the hub's poll by cursor. */
public final class OutboxServices {

    private static final String MODULE = OutboxServices.class.getName();

    private OutboxServices() {
    }

    public static Map<String, Object> readOmniOutbox(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String after;
        try {
            after = OutboxCursor.checked((String) context.get("after"));
        } catch (IllegalArgumentException e) {
            return ServiceUtil.returnError("$.after: " + e.getMessage());
        }
        Integer limit = (Integer) context.get("limit");
        try {
            List<GenericValue> rows = EntityQuery.use(delegator).from("OmniOutbox")
                    .where(EntityCondition.makeCondition("outboxCursor", EntityOperator.GREATER_THAN, after))
                    .orderBy("outboxCursor")
                    .maxRows(limit == null ? 200 : limit)
                    .queryList();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (GenericValue row : rows) {
                Map<String, Object> entry = new HashMap<>();
                entry.put("cursor", row.getString("outboxCursor"));
                entry.put("messageId", row.getString("messageId"));
                entry.put("channelId", row.getString("channelId"));
                entry.put("type", OutboxPayloads.typeName(row.getString("messageTypeEnumId")));
                Timestamp created = row.getTimestamp("createdDate");
                entry.put("createdAt", created.toInstant().toString());
                entry.put("payloadJson", row.getString("payloadJson"));
                entries.add(entry);
            }
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("entries", entries);
            result.put("nextCursor", entries.isEmpty() ? (after.isEmpty() ? null : after)
                    : (String) entries.get(entries.size() - 1).get("cursor"));
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "readOmniOutbox failed", MODULE);
            return ServiceUtil.returnError("could not read the outbox: " + e.getMessage());
        }
    }

    public static Map<String, Object> acknowledgeOmniOutbox(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String upTo;
        try {
            upTo = OutboxCursor.checked((String) context.get("upTo"));
        } catch (IllegalArgumentException e) {
            return ServiceUtil.returnError("$.upTo: " + e.getMessage());
        }
        try {
            Timestamp now = UtilDateTime.nowTimestamp();
            long count = 0;
            List<GenericValue> rows = EntityQuery.use(delegator).from("OmniOutbox")
                    .where(EntityCondition.makeCondition("outboxCursor", EntityOperator.LESS_THAN_EQUAL_TO, upTo),
                            EntityCondition.makeCondition("sentDate", null))
                    .queryList();
            for (GenericValue row : rows) {
                row.set("sentDate", now);
                row.store();
                count++;
            }
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("acknowledged", count);
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "acknowledgeOmniOutbox failed", MODULE);
            return ServiceUtil.returnError("could not acknowledge the outbox: " + e.getMessage());
        }
    }
}
