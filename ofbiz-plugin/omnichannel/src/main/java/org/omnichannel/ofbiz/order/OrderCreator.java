package org.omnichannel.ofbiz.order;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.OrderPayload;

/**
 * Creates the OFBiz sales order of a channel order with OFBiz's {@code storeOrder}, given what the
 * stock checkout (CheckOutHelper.createOrder from ShoppingCart) gives it: OrderItem values
 * (ITEM_CREATED), OrderAdjustment values (isManual=Y: the channel computed them, and OFBiz's
 * recalcOrderTax keeps manual tax when items are cancelled), one OrderItemShipGroup with an OrderItemShipGroupAssoc
 * per item, the ship-to and bill-to OrderContactMechs and the fan in the customer roles. storeOrder
 * then reserves stock itself, in this transaction: for a SALES_ORDER of a store that is not
 * immediately fulfilled it calls {@code reserveStoreInventory} for every OrderItemShipGroupAssoc
 * (OrderServices.reserveInventory), which writes OrderItemShipGrpInvRes rows.
 */
final class OrderCreator {

    /** Who buys when the event names no fan: OFBiz's seed party "_NA_". */
    static final String ANONYMOUS_PARTY = "_NA_";
    static final String SHIP_GROUP = "00001";

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue systemLogin;

    OrderCreator(Delegator delegator, LocalDispatcher dispatcher, GenericValue systemLogin) {
        this.delegator = delegator;
        this.dispatcher = dispatcher;
        this.systemLogin = systemLogin;
    }

    /** Stores the order and returns its OFBiz orderId. */
    String create(ChannelEvent event, OrderPayload order, OrderPlan plan, GenericValue channel, GenericValue store, String partyId)
            throws GenericEntityException, GenericServiceException {
        String customer = partyId != null ? partyId : ANONYMOUS_PARTY;
        String facilityId = shipFromFacility(event, order, channel, store);

        List<GenericValue> items = new ArrayList<>();
        List<GenericValue> shipInfo = new ArrayList<>();
        GenericValue shipGroup = delegator.makeValue("OrderItemShipGroup");
        shipGroup.set("shipGroupSeqId", SHIP_GROUP);
        shipGroup.set("shipmentMethodTypeId", "STANDARD");
        shipGroup.set("carrierPartyId", ANONYMOUS_PARTY);
        shipGroup.set("carrierRoleTypeId", "CARRIER");
        shipGroup.set("facilityId", facilityId);
        shipGroup.set("maySplit", "N");
        shipGroup.set("isGift", "N");
        shipInfo.add(shipGroup);
        for (ItemPlan planned : plan.items()) {
            GenericValue item = delegator.makeValue("OrderItem");
            item.set("orderItemSeqId", planned.orderItemSeqId());
            item.set("externalId", planned.externalId());
            item.set("orderItemTypeId", "PRODUCT_ORDER_ITEM");
            item.set("productId", planned.productId());
            item.set("quantity", planned.quantity());
            item.set("unitPrice", planned.unitPrice());
            item.set("unitListPrice", planned.unitPrice());
            item.set("isModifiedPrice", "N");
            item.set("isPromo", "N");
            item.set("itemDescription", planned.description() == null ? null : clip(planned.description(), 255));
            item.set("statusId", "ITEM_CREATED");
            items.add(item);
            GenericValue assoc = delegator.makeValue("OrderItemShipGroupAssoc");
            assoc.set("orderItemSeqId", planned.orderItemSeqId());
            assoc.set("shipGroupSeqId", SHIP_GROUP);
            assoc.set("quantity", planned.quantity());
            shipInfo.add(assoc);
        }
        List<GenericValue> adjustments = new ArrayList<>();
        for (AdjustmentPlan planned : plan.adjustments()) {
            GenericValue adjustment = delegator.makeValue("OrderAdjustment");
            adjustment.set("orderAdjustmentTypeId", planned.typeId());
            adjustment.set("orderItemSeqId", planned.orderItemSeqId());
            adjustment.set("amount", planned.amount());
            adjustment.set("amountAlreadyIncluded", planned.amountAlreadyIncluded());
            adjustment.set("description", clip(planned.description(), 255));
            adjustment.set("isManual", "Y");
            adjustments.add(adjustment);
        }

        List<GenericValue> contactMechs = new ArrayList<>();
        if (partyId != null) {
            FanAddresses addresses = new FanAddresses(delegator, dispatcher, systemLogin);
            String shipTo = addresses.contactMechId(partyId, order.shippingAddress(), "SHIPPING_LOCATION");
            if (shipTo != null) {
                shipGroup.set("contactMechId", shipTo);
                contactMechs.add(orderContactMech("SHIPPING_LOCATION", shipTo));
            }
            String billTo = addresses.contactMechId(partyId, order.billingAddress(), "BILLING_LOCATION");
            if (billTo != null) {
                contactMechs.add(orderContactMech("BILLING_LOCATION", billTo));
            }
        }
        if (shipGroup.get("contactMechId") == null && order.shippingAddress() != null) {
            shipGroup.set("shippingInstructions", FanAddresses.text(order.shippingAddress()));
        }

        Map<String, Object> ctx = new HashMap<>();
        ctx.put("orderTypeId", "SALES_ORDER");
        ctx.put("partyId", customer);
        ctx.put("placingCustomerPartyId", customer);
        ctx.put("billToCustomerPartyId", customer);
        ctx.put("shipToCustomerPartyId", customer);
        ctx.put("endUserCustomerPartyId", customer);
        ctx.put("billFromVendorPartyId", store.getString("payToPartyId"));
        ctx.put("productStoreId", store.getString("productStoreId"));
        ctx.put("salesChannelEnumId", channel.getString("salesChannelEnumId"));
        ctx.put("originFacilityId", facilityId != null ? facilityId : channel.getString("facilityId"));
        ctx.put("externalId", order.orderId().length() <= ItemPlan.EXTERNAL_ID_LENGTH ? order.orderId() : null);
        ctx.put("orderName", clip(channel.getString("channelId") + " " + (order.orderNumber() != null ? order.orderNumber() : order.orderId()), 100));
        ctx.put("currencyUom", plan.currency());
        ctx.put("orderDate", Timestamp.from(event.occurredAt()));
        ctx.put("grandTotal", plan.grandTotal());
        ctx.put("orderItems", items);
        ctx.put("orderAdjustments", adjustments);
        ctx.put("orderItemShipGroupInfo", shipInfo);
        ctx.put("orderContactMechs", contactMechs);
        ctx.put("userLogin", systemLogin);
        Map<String, Object> result = dispatcher.runSync("storeOrder", ctx);
        OfbizResults.require("storeOrder", result);
        String orderId = (String) result.get("orderId");

        GenericValue header = EntityQuery.use(delegator).from("OrderHeader").where("orderId", orderId).queryOne();
        header.set("omniChannelId", channel.getString("channelId"));
        header.set("omniEventId", event.eventId());
        header.store();
        return orderId;
    }

    /**
     * The facility that ships or hands over the goods, if the store may reserve there
     * (reserveStoreInventory refuses a facility that is not a ProductStoreFacility of the store):
     * the pickup store, else the store of an in-store sale, else the channel's facility. Null lets
     * the store's own inventory facility decide.
     */
    private String shipFromFacility(ChannelEvent event, OrderPayload order, GenericValue channel, GenericValue store)
            throws GenericEntityException {
        List<String> candidates = new ArrayList<>();
        if (order.fulfilment() == FulfilmentMode.PICKUP_IN_STORE && order.pickupFacility() != null) {
            candidates.add(order.pickupFacility().id());
        }
        if (order.fulfilment() == FulfilmentMode.IN_STORE && event.facility() != null) {
            candidates.add(event.facility().id());
        }
        candidates.add(channel.getString("facilityId"));
        for (String facilityId : candidates) {
            if (facilityId != null && facilityId.length() <= 20 && !EntityQuery.use(delegator).from("ProductStoreFacility")
                    .where("productStoreId", store.getString("productStoreId"), "facilityId", facilityId).filterByDate()
                    .queryList().isEmpty()) {
                return facilityId;
            }
        }
        return null;
    }

    private GenericValue orderContactMech(String purpose, String contactMechId) {
        GenericValue value = delegator.makeValue("OrderContactMech");
        value.set("contactMechPurposeTypeId", purpose);
        value.set("contactMechId", contactMechId);
        return value;
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
