package org.omnichannel.ofbiz.fan;

import java.sql.Timestamp;
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
 * eraseFan: a data subject's erasure. Everything the plugin holds that names or identifies the
 * person goes (the identity engine's records and keys, identities, score, merge audits, the raw events); behaviour stays as anonymous
 * interactions so channel figures stay true; employees keep their credits, without the fan. On
 * OFBiz's side the Person's names are cleared, the party disabled and its email and phone
 * emptied and expired. Orders stay, as accounting law requires.
 */
public final class FanErasureServices {

    private static final String MODULE = FanErasureServices.class.getName();

    private FanErasureServices() {
    }

    public static Map<String, Object> eraseFan(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        String partyId = (String) context.get("partyId");
        try {
            GenericValue person = EntityQuery.use(delegator).from("Person").where("partyId", partyId).queryOne();
            if (person == null) {
                return ServiceUtil.returnError("fan " + partyId + " is not a Person");
            }
            long touched = 0;
            for (GenericValue record : EntityQuery.use(delegator).from("OmniFanRecord").where("partyId", partyId).queryList()) {
                touched += removeAll(EntityQuery.use(delegator).from("OmniFanRecordKey")
                        .where("recordId", record.getString("recordId")).queryList());
                record.remove();
                touched++;
            }
            touched += removeAll(EntityQuery.use(delegator).from("OmniFanIdentity").where("partyId", partyId).queryList());
            touched += removeAll(EntityQuery.use(delegator).from("OmniFanScore").where("partyId", partyId).queryList());
            touched += removeAll(EntityQuery.use(delegator).from("OmniFanMerge").where("survivorPartyId", partyId).queryList());
            touched += removeAll(EntityQuery.use(delegator).from("OmniFanMerge").where("mergedPartyId", partyId).queryList());
            touched += clear(EntityQuery.use(delegator).from("OmniInteraction").where("partyId", partyId).queryList(), "partyId", "note");
            touched += clear(EntityQuery.use(delegator).from("OmniEventReceipt").where("partyId", partyId).queryList(), "partyId", "eventJson");
            touched += clear(EntityQuery.use(delegator).from("OmniCreditEntry").where("fanPartyId", partyId).queryList(), "fanPartyId");
            touched += clear(EntityQuery.use(delegator).from("OmniIncentiveTouch").where("fanPartyId", partyId).queryList(), "fanPartyId");
            touched += removeAll(EntityQuery.use(delegator).from("OmniIncentiveMark").where("markKind", "CONTACT", "markKey", partyId).queryList());

            for (String field : List.of("firstName", "middleName", "lastName", "nickname", "firstNameLocal", "middleNameLocal",
                    "lastNameLocal", "otherLocal", "birthDate", "gender", "comments", "memberId", "cardId")) {
                person.set(field, null);
            }
            person.set("lastName", "(erased)");
            person.store();
            GenericValue party = EntityQuery.use(delegator).from("Party").where("partyId", partyId).queryOne();
            party.set("statusId", "PARTY_DISABLED");
            party.store();

            Timestamp now = UtilDateTime.nowTimestamp();
            for (GenericValue pcm : EntityQuery.use(delegator).from("PartyContactMech").where("partyId", partyId).queryList()) {
                GenericValue mech = EntityQuery.use(delegator).from("ContactMech").where("contactMechId", pcm.getString("contactMechId")).queryOne();
                if (mech != null) {
                    mech.set("infoString", null);
                    mech.store();
                }
                GenericValue telecom = EntityQuery.use(delegator).from("TelecomNumber").where("contactMechId", pcm.getString("contactMechId")).queryOne();
                if (telecom != null) {
                    telecom.set("contactNumber", null);
                    telecom.store();
                }
                if (pcm.getTimestamp("thruDate") == null) {
                    pcm.set("thruDate", now);
                    pcm.store();
                }
                touched++;
            }
            Map<String, Object> result = ServiceUtil.returnSuccess();
            result.put("erased", touched);
            return result;
        } catch (GenericEntityException e) {
            Debug.logError(e, "eraseFan failed", MODULE);
            return ServiceUtil.returnError("could not erase fan " + partyId + ": " + e.getMessage());
        }
    }

    private static long removeAll(List<GenericValue> rows) throws GenericEntityException {
        for (GenericValue row : rows) {
            row.remove();
        }
        return rows.size();
    }

    private static long clear(List<GenericValue> rows, String... fields) throws GenericEntityException {
        for (GenericValue row : rows) {
            for (String field : fields) {
                row.set(field, null);
            }
            row.store();
        }
        return rows.size();
    }
}
