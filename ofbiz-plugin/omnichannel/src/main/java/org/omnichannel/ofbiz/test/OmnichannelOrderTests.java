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
 * Runs inside a real OFBiz with the demo data loaded ({@code ./gradlew "ofbiz --test component=omnichannel"}):
 * order, payment and refund events become OFBiz's own sales order, stock reservation and payments,
 * as the stock order screens show them. Events go through {@code ingestChannelEvent} in a new
 * transaction each, as the hub's API calls it.
 */
public class OmnichannelOrderTests extends OFBizTestCase {

    public OmnichannelOrderTests(String name) {
        super(name);
    }

    public void testAnOrderPlacedBecomesAnOfbizSalesOrderWithItsReservationAndItsPayment() throws Exception {
        String channelOrderId = "T-" + shortId();
        String email = "order-" + shortId() + "@example.com";
        String placed = OrderTestEvents.orderPlaced(UUID.randomUUID().toString(), channelOrderId, email, "SG-CASE-HARD");

        Map<String, Object> result = ingest(placed);
        assertEquals(result.get("reason") + " " + ServiceUtil.getErrorMessage(result), "ACCEPTED", result.get("ingestStatus"));
        String fan = (String) result.get("partyId");
        GenericValue header = orderOf(channelOrderId);
        assertNotNull("an OFBiz order for channel order " + channelOrderId, header);
        String orderId = header.getString("orderId");
        assertEquals("SALES_ORDER", header.getString("orderTypeId"));
        assertEquals(channelOrderId, header.getString("externalId"));
        assertEquals("shop-web", header.getString("omniChannelId"));
        assertEquals("9000", header.getString("productStoreId"));
        assertEquals("WEB_SALES_CHANNEL", header.getString("salesChannelEnumId"));
        assertEquals("USD", header.getString("currencyUom"));
        assertEquals("the channel said paid", "ORDER_APPROVED", header.getString("statusId"));
        assertEquals(0, new BigDecimal("20.99").compareTo(header.getBigDecimal("grandTotal")));

        List<GenericValue> items = EntityQuery.use(getDelegator()).from("OrderItem").where("orderId", orderId).queryList();
        assertEquals(1, items.size());
        assertEquals("the brand SKU's GoodIdentification", "GZ-2644", items.get(0).getString("productId"));
        assertEquals("L1", items.get(0).getString("externalId"));
        assertEquals(0, new BigDecimal("15.99").compareTo(items.get(0).getBigDecimal("unitPrice")));
        assertNotNull("the fan is the bill-to customer", EntityQuery.use(getDelegator()).from("OrderRole")
                .where("orderId", orderId, "partyId", fan, "roleTypeId", "BILL_TO_CUSTOMER").queryOne());
        assertTrue("storeOrder reserved the stock", EntityQuery.use(getDelegator()).from("OrderItemShipGrpInvRes")
                .where("orderId", orderId).queryCount() >= 1);
        assertEquals(1, EntityQuery.use(getDelegator()).from("OrderAdjustment")
                .where("orderId", orderId, "orderAdjustmentTypeId", "SHIPPING_CHARGES").queryCount());
        GenericValue shipGroup = EntityQuery.use(getDelegator()).from("OrderItemShipGroup").where("orderId", orderId).queryFirst();
        assertEquals("Berlin", EntityQuery.use(getDelegator()).from("PostalAddress")
                .where("contactMechId", shipGroup.getString("contactMechId")).queryOne().getString("city"));
        assertEquals(orderId, EntityQuery.use(getDelegator()).from("OmniEventReceipt")
                .where("orderId", orderId).queryFirst().getString("orderId"));

        assertEquals("DUPLICATE", ingest(placed).get("ingestStatus"));
        assertEquals("a duplicate creates nothing", 1, EntityQuery.use(getDelegator()).from("OrderHeader")
                .where("externalId", channelOrderId).queryCount());

        String paymentId = "pi_" + shortId();
        assertEquals("ACCEPTED", ingest(OrderTestEvents.paymentCaptured(UUID.randomUUID().toString(), channelOrderId, paymentId, email))
                .get("ingestStatus"));
        GenericValue payment = EntityQuery.use(getDelegator()).from("Payment").where("paymentRefNum", paymentId).queryOne();
        assertNotNull("a received payment", payment);
        assertEquals("CUSTOMER_PAYMENT", payment.getString("paymentTypeId"));
        assertEquals("PMNT_RECEIVED", payment.getString("statusId"));
        assertEquals(fan, payment.getString("partyIdFrom"));
        assertEquals(0, new BigDecimal("20.99").compareTo(payment.getBigDecimal("amount")));
        GenericValue preference = EntityQuery.use(getDelegator()).from("OrderPaymentPreference")
                .where("orderPaymentPreferenceId", payment.getString("paymentPreferenceId")).queryOne();
        assertEquals("the payment belongs to the order", orderId, preference.getString("orderId"));
        assertEquals("PAYMENT_RECEIVED", preference.getString("statusId"));

        String refundId = "re_" + shortId();
        assertEquals("ACCEPTED", ingest(OrderTestEvents.refundIssued(UUID.randomUUID().toString(), channelOrderId, refundId, email))
                .get("ingestStatus"));
        GenericValue refund = EntityQuery.use(getDelegator()).from("Payment").where("paymentRefNum", refundId).queryOne();
        assertEquals("CUSTOMER_REFUND", refund.getString("paymentTypeId"));
        assertEquals(fan, refund.getString("partyIdTo"));
        assertEquals(payment.getString("paymentPreferenceId"), refund.getString("paymentPreferenceId"));
    }

    public void testACancelledOrderIsCancelledInOfbizAndItsReservationReleased() throws Exception {
        String channelOrderId = "C-" + shortId();
        String email = "cancel-" + shortId() + "@example.com";
        assertEquals("ACCEPTED", ingest(OrderTestEvents.orderPlaced(UUID.randomUUID().toString(), channelOrderId, email, "SG-CASE-HARD"))
                .get("ingestStatus"));
        String orderId = orderOf(channelOrderId).getString("orderId");

        assertEquals("ACCEPTED", ingest(OrderTestEvents.orderCancelled(UUID.randomUUID().toString(), channelOrderId, email))
                .get("ingestStatus"));
        assertEquals("ORDER_CANCELLED", orderOf(channelOrderId).getString("statusId"));
        assertEquals("ITEM_CANCELLED", EntityQuery.use(getDelegator()).from("OrderItem").where("orderId", orderId).queryFirst()
                .getString("statusId"));
        assertEquals("no reservation left", 0, EntityQuery.use(getDelegator()).from("OrderItemShipGrpInvRes")
                .where("orderId", orderId).queryCount());
    }

    public void testAnUpdateOfAnOrderOfbizHasNotSeenCreatesIt() throws Exception {
        String channelOrderId = "U-" + shortId();
        String updated = OrderTestEvents.order(UUID.randomUUID().toString(), "ORDER_UPDATED", channelOrderId,
                "update-" + shortId() + "@example.com", "GL-AVIATOR-BLK", "on-hold");
        assertEquals("ACCEPTED", ingest(updated).get("ingestStatus"));
        GenericValue header = orderOf(channelOrderId);
        assertEquals("ORDER_HOLD", header.getString("statusId"));
        assertEquals("GZ-1000", EntityQuery.use(getDelegator()).from("OrderItem").where("orderId", header.getString("orderId"))
                .queryFirst().getString("productId"));
    }

    public void testAnOrderWithAnUnknownSkuIsRejectedLeavesNothingAndIsAppliedOnReplayOnceTheProductExists() throws Exception {
        String sku = "OMNI-T-" + shortId();
        String channelOrderId = "R-" + shortId();
        String eventId = UUID.randomUUID().toString();
        String placed = OrderTestEvents.orderPlaced(eventId, channelOrderId, "reject-" + shortId() + "@example.com", sku);

        Map<String, Object> rejected = ingest(placed);
        assertTrue("an error result: the API answers REJECTED", ServiceUtil.isError(rejected));
        assertTrue(ServiceUtil.getErrorMessage(rejected), ServiceUtil.getErrorMessage(rejected).contains(sku));
        assertNull("no receipt", EntityQuery.use(getDelegator()).from("OmniEventReceipt").where("eventId", eventId).queryOne());
        assertNull("no order", orderOf(channelOrderId));

        GenericValue product = getDelegator().makeValue("Product");
        product.set("productId", sku);
        product.set("productTypeId", "FINISHED_GOOD");
        product.set("internalName", "test product " + sku);
        getDelegator().create(product);
        assertEquals("replayed", "ACCEPTED", ingest(placed).get("ingestStatus"));
        assertEquals(sku, EntityQuery.use(getDelegator()).from("OrderItem").where("orderId", orderOf(channelOrderId).getString("orderId"))
                .queryFirst().getString("productId"));
    }

    /** Calls ingestChannelEvent in a new transaction, as OmniApiEvents does for each event. */
    private Map<String, Object> ingest(String json) throws GenericServiceException, GenericEntityException {
        Map<String, Object> context = new HashMap<>();
        context.put("eventJson", json);
        context.put("userLogin", EntityQuery.use(getDelegator()).from("UserLogin").where("userLoginId", "admin").queryOne());
        return getDispatcher().runSync("ingestChannelEvent", context, 120, true);
    }

    private GenericValue orderOf(String channelOrderId) throws GenericEntityException {
        GenericValue link = EntityQuery.use(getDelegator()).from("OmniChannelOrder")
                .where("channelId", "shop-web", "channelOrderId", channelOrderId).queryOne();
        return link == null ? null : EntityQuery.use(getDelegator()).from("OrderHeader").where("orderId", link.getString("orderId")).queryOne();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
