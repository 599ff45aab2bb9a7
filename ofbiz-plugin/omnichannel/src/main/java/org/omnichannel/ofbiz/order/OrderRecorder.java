package org.omnichannel.ofbiz.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

/**
 * Applies the order, payment and refund events to OFBiz's own orders and payments, in the ingest's
 * transaction (so a rejected event leaves nothing):
 * <ul>
 *   <li>ORDER_PLACED, or any order event of an order OFBiz has not heard of: a sales order through
 *       {@code storeOrder} (which reserves the stock), linked to the channel order in
 *       OmniChannelOrder;</li>
 *   <li>then, for every order event, the status the event asks for through {@code changeOrderStatus}
 *       (with the items; cancelling cancels the items, whose SECA releases the reservations);</li>
 *   <li>PAYMENT_CAPTURED: a received payment of the order; REFUND_ISSUED: a refund payment.</li>
 * </ul>
 * OFBiz's order and payment services check ORDERMGR and ACCOUNTING permissions, which the hub's user
 * need not have: the ingest permission (OMNI_INGEST) is the gate, and the services run as OFBiz's
 * "system" user, as OFBiz's own order code does for its inventory calls.
 * A channel without a product store gets no OFBiz orders: its order events stay on the fan's timeline.
 */
public final class OrderRecorder {

    private static final String MODULE = OrderRecorder.class.getName();

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;

    /** @param userLogin the hub's user, already recorded on the event's receipt; OFBiz's services run as "system" */
    public OrderRecorder(DispatchContext dctx, GenericValue userLogin) {
        this.delegator = dctx.getDelegator();
        this.dispatcher = dctx.getDispatcher();
    }

    /**
     * Applies the event if it is about an order, a payment or a refund; records the OFBiz order on
     * the event's receipt and interaction. Returns the orderId, or null.
     *
     * @throws OrderRejectedException when the event cannot be applied (unknown SKU, OFBiz refuses it)
     */
    public String record(ChannelEvent event, GenericValue channel, String partyId, GenericValue receipt)
            throws GenericEntityException, GenericServiceException {
        String orderId = switch (event.type()) {
            case ORDER_PLACED, ORDER_UPDATED, ORDER_CANCELLED -> order(event, event.payloadAs(OrderPayload.class), channel, partyId);
            case PAYMENT_CAPTURED -> payment(event, event.payloadAs(PaymentPayload.class), channel, partyId);
            case REFUND_ISSUED -> refund(event, event.payloadAs(RefundPayload.class), channel, partyId);
            default -> null;
        };
        if (orderId != null) {
            receipt.set("orderId", orderId);
            receipt.store();
            for (GenericValue interaction : EntityQuery.use(delegator).from("OmniInteraction").where("eventId", event.eventId()).queryList()) {
                interaction.set("orderId", orderId);
                interaction.store();
            }
        }
        return orderId;
    }

    private String order(ChannelEvent event, OrderPayload order, GenericValue channel, String partyId)
            throws GenericEntityException, GenericServiceException {
        GenericValue store = store(channel);
        if (store == null) {
            Debug.logInfo("channel " + channel.getString("channelId") + " has no product store: order " + order.orderId()
                    + " is not stored as an OFBiz order", MODULE);
            return null;
        }
        ChannelOrders links = new ChannelOrders(delegator);
        GenericValue header = links.find(channel.getString("channelId"), order.orderId());
        if (header == null) {
            Map<String, String> products = new ProductResolver<>(new DelegatorProductCatalog(delegator))
                    .resolve(channel.getString("channelId"), order.orderId(), order.lines());
            OrderPlan plan = OrderPlan.of(order, products);
            String orderId = new OrderCreator(delegator, dispatcher, systemLogin()).create(event, order, plan, channel, store, partyId);
            links.link(channel.getString("channelId"), order.orderId(), orderId, event.eventId());
            header = EntityQuery.use(delegator).from("OrderHeader").where("orderId", orderId).queryOne();
        }
        changeStatus(header, OrderStatusDecision.target(event.type(), order));
        return header.getString("orderId");
    }

    private void changeStatus(GenericValue header, OrderStatusDecision.Target target)
            throws GenericEntityException, GenericServiceException {
        String orderId = header.getString("orderId");
        List<String> steps = OrderStatusDecision.steps(header.getString("statusId"), target);
        for (String statusId : steps) {
            Map<String, Object> ctx = new HashMap<>();
            ctx.put("orderId", orderId);
            ctx.put("statusId", statusId);
            ctx.put("setItemStatus", "Y");
            ctx.put("changeReason", "channel event");
            ctx.put("userLogin", systemLogin());
            Map<String, Object> result = dispatcher.runSync("changeOrderStatus", ctx);
            OfbizResults.require("changeOrderStatus", result);
        }
    }

    private String payment(ChannelEvent event, PaymentPayload payment, GenericValue channel, String partyId)
            throws GenericEntityException, GenericServiceException {
        GenericValue order = new ChannelOrders(delegator).find(channel.getString("channelId"), payment.orderId());
        new PaymentRecorder(delegator, dispatcher, systemLogin()).captured(event, payment, order, store(channel), partyId);
        return order == null ? null : order.getString("orderId");
    }

    private String refund(ChannelEvent event, RefundPayload refund, GenericValue channel, String partyId)
            throws GenericEntityException, GenericServiceException {
        GenericValue order = new ChannelOrders(delegator).find(channel.getString("channelId"), refund.orderId());
        new PaymentRecorder(delegator, dispatcher, systemLogin()).refunded(event, refund, order, store(channel), partyId);
        return order == null ? null : order.getString("orderId");
    }

    private GenericValue store(GenericValue channel) throws GenericEntityException {
        String storeId = channel.getString("productStoreId");
        return storeId == null ? null : EntityQuery.use(delegator).from("ProductStore").where("productStoreId", storeId).queryOne();
    }

    private GenericValue systemLogin() throws GenericEntityException {
        GenericValue system = EntityQuery.use(delegator).from("UserLogin").where("userLoginId", "system").queryOne();
        if (system == null) {
            throw new OrderRejectedException("OFBiz has no 'system' UserLogin (seed data): load the seed data");
        }
        return system;
    }
}
