package org.omnichannel.ofbiz.fan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.ServiceUtil;

/**
 * mergeFans, unmergeFans and exportFan. A merge moves the merged fan's identities and interactions
 * to the survivor and records exactly what moved; unmerge moves those rows back. The OFBiz Party
 * rows themselves are left as they are, so a merge never loses stock data.
 */
public final class FanMergeServices {

    private static final String MODULE = FanMergeServices.class.getName();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FanMergeServices() {
    }

    public static Map<String, Object> mergeFans(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String survivor = (String) context.get("survivorPartyId");
        String merged = (String) context.get("mergedPartyId");
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        if (survivor.equals(merged)) {
            return ServiceUtil.returnError("a fan cannot be merged into itself (" + survivor + ")");
        }
        try {
            for (String partyId : List.of(survivor, merged)) {
                if (EntityQuery.use(delegator).from("Person").where("partyId", partyId).queryOne() == null) {
                    return ServiceUtil.returnError("fan " + partyId + " is not a Person");
                }
            }
            List<IdentityKey> identities = new ArrayList<>();
            for (GenericValue row : EntityQuery.use(delegator).from("OmniFanIdentity").where("partyId", merged).queryList()) {
                identities.add(new IdentityKey(row.getString("identityTypeEnumId"), row.getString("idNamespace"),
                        row.getString("normalizedValue")));
                row.set("partyId", survivor);
                row.store();
            }
            List<String> interactions = new ArrayList<>();
            for (GenericValue row : EntityQuery.use(delegator).from("OmniInteraction").where("partyId", merged).queryList()) {
                interactions.add(row.getString("interactionId"));
                row.set("partyId", survivor);
                row.store();
            }
            String mergeId = delegator.getNextSeqId("OmniFanMerge");
            GenericValue audit = delegator.makeValue("OmniFanMerge");
            audit.set("mergeId", mergeId);
            audit.set("survivorPartyId", survivor);
            audit.set("mergedPartyId", merged);
            audit.set("mergeReason", context.get("mergeReason"));
            audit.set("mergedDate", UtilDateTime.nowTimestamp());
            audit.set("mergedByUserLogin", userLogin == null ? null : userLogin.getString("userLoginId"));
            audit.set("movedJson", new MergeRecord(identities, interactions).toJson());
            delegator.create(audit);
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("mergeId", mergeId);
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "mergeFans failed", MODULE);
            return ServiceUtil.returnError("could not merge fan " + merged + " into " + survivor + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> unmergeFans(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String mergeId = (String) context.get("mergeId");
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        try {
            GenericValue audit = EntityQuery.use(delegator).from("OmniFanMerge").where("mergeId", mergeId).queryOne();
            if (audit == null) {
                return ServiceUtil.returnError("merge " + mergeId + " does not exist");
            }
            if (audit.getTimestamp("unmergedDate") != null) {
                return ServiceUtil.returnError("merge " + mergeId + " was already undone on " + audit.getTimestamp("unmergedDate"));
            }
            String survivor = audit.getString("survivorPartyId");
            String merged = audit.getString("mergedPartyId");
            MergeRecord moved = MergeRecord.fromJson(audit.getString("movedJson"));
            long restored = 0;
            for (IdentityKey key : moved.identities()) {
                GenericValue row = EntityQuery.use(delegator).from("OmniFanIdentity")
                        .where("identityTypeEnumId", key.identityTypeEnumId(), "idNamespace", key.namespace(),
                                "normalizedValue", key.normalizedValue()).queryOne();
                if (row != null && survivor.equals(row.getString("partyId"))) {
                    row.set("partyId", merged);
                    row.store();
                    restored++;
                }
            }
            for (String interactionId : moved.interactionIds()) {
                GenericValue row = EntityQuery.use(delegator).from("OmniInteraction").where("interactionId", interactionId).queryOne();
                if (row != null && survivor.equals(row.getString("partyId"))) {
                    row.set("partyId", merged);
                    row.store();
                    restored++;
                }
            }
            audit.set("unmergedDate", UtilDateTime.nowTimestamp());
            audit.set("unmergedByUserLogin", userLogin == null ? null : userLogin.getString("userLoginId"));
            audit.store();
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("restored", restored);
            return result;
        } catch (GenericEntityException | IllegalArgumentException e) {
            Debug.logError(e, "unmergeFans failed", MODULE);
            return ServiceUtil.returnError("could not undo merge " + mergeId + ": " + e.getMessage());
        }
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
