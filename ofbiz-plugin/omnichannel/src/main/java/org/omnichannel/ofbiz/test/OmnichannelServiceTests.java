package org.omnichannel.ofbiz.test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.ServiceUtil;
import org.apache.ofbiz.service.testtools.OFBizTestCase;

/**
 * Runs inside a real OFBiz with the demo data loaded: {@code ./gradlew "ofbiz --test component=omnichannel"}.
 * Each test drives the plugin's services as the hub and the back office do and checks what a user
 * would see in the screens. OFBiz rolls back what the tests write. (OFBiz runs testdef classes from
 * the component's main classes, as its own components do.)
 */
public class OmnichannelServiceTests extends OFBizTestCase {

    public OmnichannelServiceTests(String name) {
        super(name);
    }

    public void testAnInteractionOfANewFanCreatesThePersonAndIsAppliedOnlyOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String json = interaction(eventId, "wechat", "SOCIAL", "WECHAT_OPENID", "oNEW-openid-" + eventId, "wx-mingmou", "FOLLOW");

        Map<String, Object> first = ingest(json);
        assertEquals("ACCEPTED", first.get("ingestStatus"));
        String partyId = (String) first.get("partyId");
        assertNotNull("the new fan's party", partyId);
        assertNotNull("a Person for the fan", one("Person", "partyId", partyId));
        assertNotNull("the receipt", one("OmniEventReceipt", "eventId", eventId));
        assertEquals(1, EntityQuery.use(getDelegator()).from("OmniInteraction").where("eventId", eventId).queryCount());

        GenericValue score = one("OmniFanScore", "partyId", partyId);
        assertEquals(Long.valueOf(1), score.getLong("interactionCount"));
        assertEquals(Long.valueOf(1), score.getLong("channelCount"));

        Map<String, Object> second = ingest(json);
        assertEquals("DUPLICATE", second.get("ingestStatus"));
        assertEquals(1, EntityQuery.use(getDelegator()).from("OmniInteraction").where("eventId", eventId).queryCount());
        assertEquals("a duplicate changes no figure", Long.valueOf(1), one("OmniFanScore", "partyId", partyId).getLong("interactionCount"));
    }

    public void testAKnownPhoneNumberResolvesToTheExistingFan() throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> result = ingest(interaction(eventId, "store-sh", "OFFLINE_DIRECT", "PHONE", "+8613800138000", null, "TRY_ON"));
        assertEquals("ACCEPTED", result.get("ingestStatus"));
        assertEquals("OMNI_FAN_WANG", result.get("partyId"));
        GenericValue interaction = EntityQuery.use(getDelegator()).from("OmniInteraction").where("eventId", eventId).queryFirst();
        assertEquals("OMNI_IA_TRY_ON", interaction.getString("interactionTypeEnumId"));
        assertEquals("the channel's store, as the event named none", "OMNI_STORE_SH", interaction.getString("facilityId"));
    }

    public void testAnEventOfAnUnknownChannelIsRejectedAndLeavesNothing() throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> result = ingest(interaction(eventId, "no-such-channel", "SOCIAL", "EMAIL", "x@example.com", null, "LIKE"));
        assertEquals("REJECTED", result.get("ingestStatus"));
        assertTrue((String) result.get("reason"), ((String) result.get("reason")).contains("no-such-channel"));
        assertNull(one("OmniEventReceipt", "eventId", eventId));
    }

    public void testAnEventThatBreaksTheSchemaIsRejectedWithThePathOfTheField() throws Exception {
        Map<String, Object> result = ingest("{\"schemaVersion\":1,\"eventId\":\"not-a-uuid\"}");
        assertEquals("REJECTED", result.get("ingestStatus"));
        assertTrue((String) result.get("reason"), ((String) result.get("reason")).contains("invalid ChannelEvent"));
    }

    public void testPublishedStockReachesTheOutboxAndIsAcknowledged() throws Exception {
        // In a database where someone pressed "Publish now" for GZ-2644 the figures exist already and
        // nothing would be republished (seen in a real OFBiz trunk): start from none. The test's writes
        // are rolled back by OFBiz.
        for (String channelId : new String[] {"tmall", "shop-web"}) {
            GenericValue figure = one2("OmniPublishedStock", "channelId", channelId, "productId", "GZ-2644");
            if (figure != null) {
                figure.remove();
            }
        }
        Map<String, Object> publish = run("publishChannelStock", Map.of("productId", "GZ-2644"));
        long published = (Long) publish.get("published");
        assertTrue("both publishing channels get a figure the first time", published >= 2);

        Map<String, Object> read = run("readOmniOutbox", Map.of("after", "", "limit", 1000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) read.get("entries");
        Map<String, Object> tmall = entries.stream()
                .filter(e -> "tmall".equals(e.get("channelId")) && ((String) e.get("payloadJson")).contains("GZ-2644"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("STOCK_LEVEL", tmall.get("type"));
        GenericValue tmallFigure = one2("OmniPublishedStock", "channelId", "tmall", "productId", "GZ-2644");
        GenericValue webFigure = one2("OmniPublishedStock", "channelId", "shop-web", "productId", "GZ-2644");
        assertTrue("Tmall gets 30% less 2 of what the web shop gets",
                tmallFigure.getBigDecimal("availableToSell").compareTo(webFigure.getBigDecimal("availableToSell")) <= 0);

        Map<String, Object> ack = run("acknowledgeOmniOutbox", Map.of("upTo", read.get("nextCursor")));
        assertTrue((Long) ack.get("acknowledged") >= 2);
        Map<String, Object> again = run("acknowledgeOmniOutbox", Map.of("upTo", read.get("nextCursor")));
        assertEquals(0L, again.get("acknowledged"));
        assertEquals("nothing is republished when nothing changed", 0L, run("publishChannelStock", Map.of("productId", "GZ-2644")).get("published"));
    }

    public void testAMergeMovesIdentitiesAndAnUnmergeMovesThemBack() throws Exception {
        Map<String, Object> merge = run("mergeFans", Map.of("survivorPartyId", "OMNI_FAN_WANG", "mergedPartyId", "OMNI_FAN_CHEN",
                "mergeReason", "test"));
        assertEquals("OMNI_FAN_WANG", one3Identity("OMNI_ID_LOYALTY", "_NA_", "MM-000042").getString("partyId"));
        Map<String, Object> unmerge = run("unmergeFans", Map.of("mergeId", merge.get("mergeId")));
        assertEquals("2 identities and 2 interactions back", 4L, unmerge.get("restored"));
        assertEquals("OMNI_FAN_CHEN", one3Identity("OMNI_ID_LOYALTY", "_NA_", "MM-000042").getString("partyId"));
    }

    public void testAnErasedFanCanNoLongerBeFoundByAnyIdentity() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String card = "ERASE-" + eventId.substring(0, 8);
        String partyId = (String) ingest(interaction(eventId, "franchise-bj", "OFFLINE_FRANCHISE", "LOYALTY_CARD", card, null, "VISIT"))
                .get("partyId");
        run("eraseFan", Map.of("partyId", partyId));
        assertNull(one3Identity("OMNI_ID_LOYALTY", "_NA_", card));
        assertEquals("(erased)", one("Person", "partyId", partyId).getString("lastName"));
        assertEquals("PARTY_DISABLED", one("Party", "partyId", partyId).getString("statusId"));
        GenericValue visit = EntityQuery.use(getDelegator()).from("OmniInteraction").where("eventId", eventId).queryFirst();
        assertNull("behaviour stays, anonymous", visit.getString("partyId"));
        assertNull("the raw event is gone", one("OmniEventReceipt", "eventId", eventId).getString("eventJson"));
    }

    public void testClosingThePeriodWritesTheRankedStatement() throws Exception {
        Map<String, Object> close = run("closeIncentivePeriod", Map.of("periodId", "OMNI_2026_11"));
        assertEquals(2L, close.get("payouts"));
        GenericValue li = one2("OmniPayout", "periodId", "OMNI_2026_11", "employeePartyId", "OMNI_EMP_LI");
        assertEquals(0, new BigDecimal("43.97").compareTo(li.getBigDecimal("amount")));
        assertEquals(Long.valueOf(1), li.getLong("rankInPeriod"));
        assertEquals("OMNI_PERIOD_CLOSED", one("OmniIncentivePeriod", "periodId", "OMNI_2026_11").getString("statusId"));
        Map<String, Object> twice = getDispatcher().runSync("closeIncentivePeriod", context(Map.of("periodId", "OMNI_2026_11")));
        assertTrue("a period is closed once", ServiceUtil.isError(twice));
    }

    private Map<String, Object> ingest(String json) throws GenericServiceException, GenericEntityException {
        return run("ingestChannelEvent", Map.of("eventJson", json));
    }

    private Map<String, Object> run(String service, Map<String, Object> in) throws GenericServiceException, GenericEntityException {
        Map<String, Object> result = getDispatcher().runSync(service, context(in));
        assertTrue(service + ": " + ServiceUtil.getErrorMessage(result), ServiceUtil.isSuccess(result));
        return result;
    }

    private Map<String, Object> context(Map<String, Object> in) throws GenericEntityException {
        Map<String, Object> context = new HashMap<>(in);
        context.put("userLogin", one("UserLogin", "userLoginId", "admin"));
        return context;
    }

    private GenericValue one(String entity, String field, Object value) throws GenericEntityException {
        return EntityQuery.use(getDelegator()).from(entity).where(field, value).queryOne();
    }

    private GenericValue one2(String entity, String f1, Object v1, String f2, Object v2) throws GenericEntityException {
        return EntityQuery.use(getDelegator()).from(entity).where(f1, v1, f2, v2).queryOne();
    }

    private GenericValue one3Identity(String type, String namespace, String value) throws GenericEntityException {
        return EntityQuery.use(getDelegator()).from("OmniFanIdentity")
                .where("identityTypeEnumId", type, "idNamespace", namespace, "normalizedValue", value).queryOne();
    }

    private static String interaction(String eventId, String channelId, String kind, String identityType, String identity,
            String namespace, String subtype) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "channelId": "%s", "channelKind": "%s", "system": "generic",
                 "type": "INTERACTION", "occurredAt": "2026-11-20T10:15:00+08:00", "receivedAt": "2026-11-20T02:15:02Z",
                 "identities": [{"type": "%s", "value": "%s"%s}],
                 "payload": {"kind": "interaction", "subtype": "%s", "productIds": ["GZ-1000"]}}
                """.formatted(eventId, channelId, kind, identityType, identity,
                namespace == null ? "" : ", \"namespace\": \"" + namespace + "\"", subtype);
    }
}
