package org.omnichannel.ofbiz.fan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;

/**
 * mergeFans, unmergeFans and exportFan. Merge and unmerge are core's identity engine's: a merge
 * moves the merged fan's records (and with them its events, interactions and identities) to the
 * survivor and audits exactly what moved; an unmerge moves those records back. The OFBiz Party
 * rows themselves are left as they are, so a merge never loses stock data.
 */
public final class FanMergeServices {

    private static final String MODULE = FanMergeServices.class.getName();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FanMergeServices() {
    }

    public static Map<String, Object> mergeFans(DispatchContext dctx, Map<String, ? extends Object> context) {
        String survivor = (String) context.get("survivorPartyId");
        String merged = (String) context.get("mergedPartyId");
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        if (survivor.equals(merged)) {
            return ServiceUtil.returnError("a fan cannot be merged into itself (" + survivor + ")");
        }
        try {
            String reason = (String) context.get("mergeReason");
            MergeRecord merge = new FanResolver(dctx, userLogin).merge(survivor, merged, actor(userLogin),
                    reason == null ? "merged by hand" : reason);
            FanInsights insights = new FanInsights(dctx);
            insights.refresh(survivor, null);
            insights.refresh(merged, null);
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("mergeId", merge.mergeId());
            result.put("movedRecords", (long) merge.movedRecordIds().size());
            return result;
        } catch (GenericEntityException | RuntimeException e) {
            Debug.logError(e, "mergeFans failed", MODULE);
            return ServiceUtil.returnError("could not merge fan " + merged + " into " + survivor + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> unmergeFans(DispatchContext dctx, Map<String, ? extends Object> context) {
        String mergeId = (String) context.get("mergeId");
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        try {
            String reason = (String) context.get("unmergeReason");
            UnmergeRecord unmerge = new FanResolver(dctx, userLogin).unmerge(mergeId, actor(userLogin),
                    reason == null ? "undone by hand" : reason);
            FanInsights insights = new FanInsights(dctx);
            insights.refresh(unmerge.restored().value(), null);
            insights.refresh(unmerge.from().value(), null);
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("restored", (long) unmerge.movedRecordIds().size());
            return result;
        } catch (GenericEntityException | RuntimeException e) {
            Debug.logError(e, "unmergeFans failed", MODULE);
            return ServiceUtil.returnError("could not undo merge " + mergeId + ": " + e.getMessage());
        }
    }

    private static String actor(GenericValue userLogin) {
        return userLogin == null ? org.omnichannel.core.fan.FanResolver.ENGINE : userLogin.getString("userLoginId");
    }

    public static Map<String, Object> exportFan(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String partyId = (String) context.get("partyId");
        try {
            GenericValue person = EntityQuery.use(delegator).from("Person").where("partyId", partyId).queryOne();
            if (person == null) {
                return ServiceUtil.returnError("fan " + partyId + " is not a Person");
            }
            ObjectNode root = MAPPER.createObjectNode();
            root.put("partyId", partyId);
            root.set("person", fields(person));
            root.set("records", rows(EntityQuery.use(delegator).from("OmniFanRecord").where("partyId", partyId)
                    .orderBy("recordSeq").queryList()));
            root.set("identities", rows(EntityQuery.use(delegator).from("OmniFanIdentity").where("partyId", partyId).queryList()));
            root.set("interactions", rows(EntityQuery.use(delegator).from("OmniInteraction").where("partyId", partyId)
                    .orderBy("occurredDate").queryList()));
            GenericValue score = EntityQuery.use(delegator).from("OmniFanScore").where("partyId", partyId).queryOne();
            if (score != null) {
                root.set("score", fields(score));
            }
            root.set("mergesAsSurvivor", rows(EntityQuery.use(delegator).from("OmniFanMerge").where("survivorPartyId", partyId).queryList()));
            root.set("mergesAsMerged", rows(EntityQuery.use(delegator).from("OmniFanMerge").where("mergedPartyId", partyId).queryList()));
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("fanJson", root.toString());
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "exportFan failed", MODULE);
            return ServiceUtil.returnError("could not export fan " + partyId + ": " + e.getMessage());
        }
    }

    private static ArrayNode rows(List<GenericValue> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(value -> array.add(fields(value)));
        return array;
    }

    private static ObjectNode fields(GenericValue value) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Map.Entry<String, Object> field : value.getAllFields().entrySet()) {
            if (field.getValue() != null && !field.getKey().endsWith("Stamp") && !field.getKey().endsWith("TxStamp")) {
                node.put(field.getKey(), field.getValue().toString());
            }
        }
        return node;
    }
}
