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
        assertEquals("her complaint moved with her", "OMNI_FAN_WANG", one("OmniInteraction", "interactionId", "OMNI_IA_0003").getString("partyId"));
        GenericValue audit = one("OmniFanMerge", "mergeId", merge.get("mergeId"));
        assertEquals("OMNI_FAN_CHEN", audit.getString("mergedPartyId"));
        assertEquals("admin", audit.getString("mergedByUserLogin"));
        Map<String, Object> unmerge = run("unmergeFans", Map.of("mergeId", merge.get("mergeId")));
        assertEquals("the one record of the demo fan goes back", 1L, unmerge.get("restored"));
        assertEquals("OMNI_FAN_CHEN", one3Identity("OMNI_ID_LOYALTY", "_NA_", "MM-000042").getString("partyId"));
        assertEquals("OMNI_FAN_CHEN", one("OmniInteraction", "interactionId", "OMNI_IA_0003").getString("partyId"));
        assertNotNull(one("OmniFanMerge", "mergeId", merge.get("mergeId")).getTimestamp("unmergedDate"));
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

    public void testClosingAnEndedPeriodWritesCoresRankedPayoutsAndStatements() throws Exception {
        Map<String, Object> close = run("closeIncentivePeriod", Map.of("periodId", "OMNI_2026_10"));
        assertEquals(2L, close.get("payouts"));
        assertEquals("2026-10", close.get("periodMonth"));
        GenericValue li = one2("OmniPayout", "periodId", "OMNI_2026_10", "employeePartyId", "OMNI_EMP_LI");
        assertEquals(0, new BigDecimal("10.00").compareTo(li.getBigDecimal("amount")));
        assertEquals(Long.valueOf(1), li.getLong("rankInPeriod"));
        assertEquals(Long.valueOf(2), one2("OmniPayout", "periodId", "OMNI_2026_10", "employeePartyId", "OMNI_EMP_ZHANG").getLong("rankInPeriod"));
        assertEquals("OMNI_PERIOD_CLOSED", one("OmniIncentivePeriod", "periodId", "OMNI_2026_10").getString("statusId"));
        Map<String, Object> twice = getDispatcher().runSync("closeIncentivePeriod", context(Map.of("periodId", "OMNI_2026_10")));
        assertTrue("a period is closed once", ServiceUtil.isError(twice));

        // Other tests of this suite may have credited her in November too: the statement holds her ledger rows.
        List<GenericValue> november = EntityQuery.use(getDelegator()).from("OmniCreditEntry")
                .where("employeePartyId", "OMNI_EMP_LI", "periodMonth", "2026-11").queryList();
        BigDecimal ledger = november.stream().map(c -> c.getBigDecimal("amount")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue("the demo's 5.00 and 38.97 at least", november.size() >= 2);
        Map<String, Object> statement = run("getIncentiveStatement", Map.of("periodId", "OMNI_2026_11", "employeePartyId", "OMNI_EMP_LI"));
        assertEquals((long) november.size(), statement.get("entryCount"));
        assertEquals(0, ledger.compareTo((BigDecimal) ((Map<?, ?>) statement.get("totals")).get("CNY")));
        assertEquals("N", statement.get("closed"));
    }

    public void testTheSameFanIsFoundAcrossChannelsByAnyOfTheirIdentities() throws Exception {
        String unionid = "oUNION-" + UUID.randomUUID();
        String email = "fan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String first = UUID.randomUUID().toString();
        Map<String, Object> wechat = ingest(event(first, "wechat", "SOCIAL", "INTERACTION", "2026-11-20T10:15:00+08:00",
                "[{\"type\": \"WECHAT_UNIONID\", \"value\": \"" + unionid + "\", \"namespace\": \"wx-open\", \"verified\": true}]",
                null, "{\"kind\": \"interaction\", \"subtype\": \"FOLLOW\"}"));
        String partyId = (String) wechat.get("partyId");
        assertNotNull(partyId);

        String second = UUID.randomUUID().toString();
        Map<String, Object> web = ingest(event(second, "shop-web", "OWN_ECOMMERCE", "INTERACTION", "2026-11-21T09:00:00+08:00",
                "[{\"type\": \"WECHAT_UNIONID\", \"value\": \"" + unionid + "\", \"namespace\": \"wx-open\", \"verified\": true},"
                        + " {\"type\": \"EMAIL\", \"value\": \" " + email.toUpperCase(java.util.Locale.ROOT) + "\"}]",
                null, "{\"kind\": \"interaction\", \"subtype\": \"PRODUCT_VIEW\", \"productIds\": [\"GZ-1000\"]}"));
        assertEquals("the web shop's visitor is the WeChat follower", partyId, web.get("partyId"));
        assertEquals(partyId, one3Identity("OMNI_ID_EMAIL", "_NA_", email).getString("partyId"));
        assertEquals("the e-mail is an OFBiz contact of the fan too", 1, EntityQuery.use(getDelegator()).from("PartyContactMech")
                .where("partyId", partyId).queryCount());

        String third = UUID.randomUUID().toString();
        Map<String, Object> store = ingest(event(third, "store-sh", "OFFLINE_DIRECT", "INTERACTION", "2026-11-22T15:00:00+08:00",
                "[{\"type\": \"EMAIL\", \"value\": \"" + email + "\"}]", null,
                "{\"kind\": \"interaction\", \"subtype\": \"VISIT\"}"));
        assertEquals("the store's walk-in is found by the e-mail the web shop learnt", partyId, store.get("partyId"));
        assertEquals(Long.valueOf(3), one("OmniFanScore", "partyId", partyId).getLong("channelCount"));
        assertEquals(3, EntityQuery.use(getDelegator()).from("OmniFanRecord").where("partyId", partyId).queryCount());
    }

    public void testAnEventThatTiesTwoFansMergesThemWithAnAuditThatUnmergeUndoes() throws Exception {
        String openid = "oMERGE-" + UUID.randomUUID();
        String card = "MM-" + UUID.randomUUID().toString().substring(0, 8);
        String a = (String) ingest(interaction(UUID.randomUUID().toString(), "wechat", "SOCIAL", "WECHAT_OPENID", openid, "wx-mingmou",
                "FOLLOW")).get("partyId");
        String b = (String) ingest(interaction(UUID.randomUUID().toString(), "franchise-bj", "OFFLINE_FRANCHISE", "LOYALTY_CARD", card, null,
                "VISIT")).get("partyId");
        assertFalse(a.equals(b));
        String tie = UUID.randomUUID().toString();
        Map<String, Object> tied = ingest(event(tie, "franchise-bj", "OFFLINE_FRANCHISE", "INTERACTION", "2026-11-22T15:00:00+08:00",
                "[{\"type\": \"LOYALTY_CARD\", \"value\": \"" + card + "\"}, {\"type\": \"WECHAT_OPENID\", \"value\": \"" + openid
                        + "\", \"namespace\": \"wx-mingmou\"}]", null, "{\"kind\": \"interaction\", \"subtype\": \"TRY_ON\"}"));
        String survivor = (String) tied.get("partyId");
        String absorbed = survivor.equals(a) ? b : a;
        GenericValue merge = EntityQuery.use(getDelegator()).from("OmniFanMerge").where("mergedPartyId", absorbed).queryFirst();
        assertNotNull("the engine's merge is audited", merge);
        assertEquals(survivor, merge.getString("survivorPartyId"));
        assertEquals(tie, merge.getString("triggerEventId"));
        assertNull("merged by the engine, not a user", merge.getString("mergedByUserLogin"));

        run("unmergeFans", Map.of("mergeId", merge.getString("mergeId"), "unmergeReason", "two people"));
        assertEquals(1, EntityQuery.use(getDelegator()).from("OmniFanRecord").where("partyId", absorbed).queryCount());
    }

    public void testAnEmployeeIsCreditedOnceForAnsweringAComplaintAndForTheFirstContact() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String json = event(eventId, "wechat", "SOCIAL", "INTERACTION", "2026-11-20T10:15:00+08:00",
                "[{\"type\": \"PHONE\", \"value\": \"+86 139 " + (1000_0000 + new java.util.Random().nextInt(8999_9999)) + "\"}]",
                "OMNI_EMP_LI", "{\"kind\": \"interaction\", \"subtype\": \"COMPLAINT\", \"text\": \"lenses scratched\"}");
        ingest(json);
        List<GenericValue> credits = EntityQuery.use(getDelegator()).from("OmniCreditEntry").where("eventId", eventId).queryList();
        assertEquals("the complaint (10.00) and the contact collected (5.00)", 2, credits.size());
        BigDecimal total = credits.stream().map(c -> c.getBigDecimal("amount")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("15.00").compareTo(total));
        for (GenericValue credit : credits) {
            assertEquals("OMNI_EMP_LI", credit.getString("employeePartyId"));
            assertEquals("2026-11", credit.getString("periodMonth"));
            assertEquals("OMNI_2026_11", credit.getString("periodId"));
            assertEquals("her employer, by PartyRelationship", "OMNI_BRAND", credit.getString("departmentPartyId"));
        }
        assertEquals("DUPLICATE", ingest(json).get("ingestStatus"));
        assertEquals(2, EntityQuery.use(getDelegator()).from("OmniCreditEntry").where("eventId", eventId).queryCount());
    }

    public void testARefundReversesTheSaleCommissionOfTheOrder() throws Exception {
        String orderId = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String placed = UUID.randomUUID().toString();
        ingest(event(placed, "store-sh", "OFFLINE_DIRECT", "ORDER_PLACED", "2026-11-20T10:15:00+08:00", "[]", "OMNI_EMP_LI",
                "{\"kind\": \"order\", \"orderId\": \"" + orderId + "\", \"currency\": \"CNY\", \"lines\": [{\"lineId\": \"L1\","
                        + " \"sku\": \"GZ-2644\", \"quantity\": 1, \"unitPrice\": {\"amountMinor\": 100000, \"currency\": \"CNY\"},"
                        + " \"lineTotal\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}}],"
                        + " \"grandTotal\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}, \"fulfilment\": \"IN_STORE\"}"));
        GenericValue sale = EntityQuery.use(getDelegator()).from("OmniCreditEntry").where("eventId", placed).queryFirst();
        assertNotNull("2% of the sale", sale);
        assertEquals(0, new BigDecimal("20.00").compareTo(sale.getBigDecimal("amount")));
        assertEquals("SALE_COMMISSION", sale.getString("creditKind"));

        String refunded = UUID.randomUUID().toString();
        ingest(event(refunded, "store-sh", "OFFLINE_DIRECT", "REFUND_ISSUED", "2026-11-21T10:15:00+08:00", "[]", null,
                "{\"kind\": \"refund\", \"refundId\": \"R-" + orderId + "\", \"orderId\": \"" + orderId + "\","
                        + " \"amount\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}}"));
        GenericValue reversal = EntityQuery.use(getDelegator()).from("OmniCreditEntry").where("eventId", refunded).queryFirst();
        assertNotNull("the refund reverses the commission", reversal);
        assertEquals(0, new BigDecimal("-20.00").compareTo(reversal.getBigDecimal("amount")));
        assertEquals(sale.getString("creditEntryId"), reversal.getString("reversesEntryId"));
    }

    public void testAClerkWhoSendsAFanToTheWebShopIsCreditedWhenTheFanBuysThere() throws Exception {
        String phone = "\"+86 137 " + (1000_0000 + new java.util.Random().nextInt(8999_9999)) + "\"";
        String referral = UUID.randomUUID().toString();
        String partyId = (String) ingest(event(referral, "store-sh", "OFFLINE_DIRECT", "INTERACTION", "2026-11-20T10:15:00+08:00",
                "[{\"type\": \"PHONE\", \"value\": " + phone + "}]", "OMNI_EMP_LI",
                "{\"kind\": \"interaction\", \"subtype\": \"REFERRAL\", \"productIds\": [\"GZ-1000\"]}")).get("partyId");
        String placed = UUID.randomUUID().toString();
        Map<String, Object> order = ingest(event(placed, "shop-web", "OWN_ECOMMERCE", "ORDER_PLACED", "2026-11-21T20:00:00+08:00",
                "[{\"type\": \"PHONE\", \"value\": " + phone + "}]", null,
                "{\"kind\": \"order\", \"orderId\": \"W-" + placed.substring(0, 8) + "\", \"currency\": \"CNY\", \"lines\": [{\"lineId\": \"L1\","
                        + " \"sku\": \"GZ-1000\", \"quantity\": 1, \"unitPrice\": {\"amountMinor\": 50000, \"currency\": \"CNY\"},"
                        + " \"lineTotal\": {\"amountMinor\": 50000, \"currency\": \"CNY\"}}],"
                        + " \"grandTotal\": {\"amountMinor\": 50000, \"currency\": \"CNY\"}, \"fulfilment\": \"SHIP\"}"));
        assertEquals("the web shop's buyer is the fan the clerk referred", partyId, order.get("partyId"));
        GenericValue credit = EntityQuery.use(getDelegator()).from("OmniCreditEntry").where("eventId", placed).queryFirst();
        assertNotNull("a referral commission for the clerk", credit);
        assertEquals("OMNI_EMP_LI", credit.getString("employeePartyId"));
        assertEquals("REFERRAL_COMMISSION", credit.getString("creditKind"));
        assertEquals(0, new BigDecimal("15.00").compareTo(credit.getBigDecimal("amount")));
    }

    public void testAClerkIsToldToSendTheFanWhereAProductOutOfStockHereIsInStock() throws Exception {
        GenericValue item = getDelegator().makeValue("InventoryItem");
        item.set("inventoryItemId", getDelegator().getNextSeqId("InventoryItem"));
        item.set("inventoryItemTypeId", "NON_SERIAL_INV_ITEM");
        item.set("productId", "GZ-1000");
        item.set("facilityId", "WebStoreWarehouse");
        item.set("quantityOnHandTotal", new BigDecimal("40"));
        item.set("availableToPromiseTotal", new BigDecimal("40"));
        getDelegator().create(item);

        String eventId = UUID.randomUUID().toString();
        String partyId = (String) ingest(interaction(eventId, "store-sh", "OFFLINE_DIRECT", "LOYALTY_CARD",
                "NBA-" + eventId.substring(0, 8), null, "TRY_ON")).get("partyId");
        GenericValue score = one("OmniFanScore", "partyId", partyId);
        assertEquals("OMNI_NBA_OTHER_CHAN", score.getString("nextActionEnumId"));
        assertTrue(score.getString("nextActionReason"), score.getString("nextActionReason").contains("GZ-1000 is out of stock at OMNI_STORE_SH"));
    }

    /** GZ-2644 in the Shanghai store (the next-best-action test needs GZ-1000 out of stock there). */
    public void testAnOrderIsRoutedToAFacilityThatHoldsItOrRefusedByName() throws Exception {
        GenericValue item = getDelegator().makeValue("InventoryItem");
        item.set("inventoryItemId", getDelegator().getNextSeqId("InventoryItem"));
        item.set("inventoryItemTypeId", "NON_SERIAL_INV_ITEM");
        item.set("productId", "GZ-2644");
        item.set("facilityId", "OMNI_STORE_SH");
        item.set("quantityOnHandTotal", new BigDecimal("3"));
        item.set("availableToPromiseTotal", new BigDecimal("3"));
        getDelegator().create(item);
        Map<String, Object> routed = run("routeOmniOrder", Map.of("channelId", "store-sh", "lines", Map.of("GZ-2644", 2),
                "pickupFacilityId", "OMNI_STORE_SH"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shipments = (List<Map<String, Object>>) routed.get("shipments");
        assertEquals("the pick-up store's own shelf", "OMNI_STORE_SH", shipments.get(0).get("facilityId"));
        Map<String, Object> refused = run("routeOmniOrder", Map.of("channelId", "store-sh", "lines", Map.of("GZ-2644", 99),
                "pickupFacilityId", "OMNI_STORE_SH"));
        assertTrue((String) refused.get("refusal"), ((String) refused.get("refusal")).contains("GZ-2644"));
    }

    /** GZ-1000: testPublishedStockReachesTheOutboxAndIsAcknowledged expects GZ-2644 never published before it. */
    public void testPublishedStockAfterAnIngestNeverPromisesAUnitTwice() throws Exception {
        ingest(interaction(UUID.randomUUID().toString(), "shop-web", "OWN_ECOMMERCE", "EMAIL", "stock-" + UUID.randomUUID() + "@example.com",
                null, "CART_ADD"));
        run("publishChannelStock", Map.of("productId", "GZ-1000"));
        BigDecimal tmall = one2("OmniPublishedStock", "channelId", "tmall", "productId", "GZ-1000").getBigDecimal("availableToSell");
        BigDecimal web = one2("OmniPublishedStock", "channelId", "shop-web", "productId", "GZ-1000").getBigDecimal("availableToSell");
        BigDecimal atp = BigDecimal.ZERO;
        for (GenericValue psf : EntityQuery.use(getDelegator()).from("ProductStoreFacility").where("productStoreId", "9000").filterByDate().queryList()) {
            for (GenericValue i : EntityQuery.use(getDelegator()).from("InventoryItem")
                    .where("productId", "GZ-1000", "facilityId", psf.getString("facilityId")).queryList()) {
                if (i.getBigDecimal("availableToPromiseTotal") != null && i.getBigDecimal("availableToPromiseTotal").signum() > 0) {
                    atp = atp.add(i.getBigDecimal("availableToPromiseTotal"));
                }
            }
        }
        assertTrue("Tmall " + tmall + " + web " + web + " <= " + atp + " less Tmall's 2 held back",
                tmall.add(web).compareTo(atp.subtract(new BigDecimal("2")).max(BigDecimal.ZERO)) <= 0);
        assertTrue("Tmall's weight is 30, the web shop's 100", tmall.compareTo(web) <= 0);
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

    private static String event(String eventId, String channelId, String kind, String type, String occurredAt, String identities,
            String employeeId, String payload) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "channelId": "%s", "channelKind": "%s", "system": "generic",
                 "type": "%s", "occurredAt": "%s", "receivedAt": "2026-11-22T02:15:02Z",
                 "identities": %s,%s
                 "payload": %s}
                """.formatted(eventId, channelId, kind, type, occurredAt, identities,
                employeeId == null ? "" : " \"employee\": {\"id\": \"" + employeeId + "\"},", payload);
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
