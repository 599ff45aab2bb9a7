package org.omnichannel.ofbiz.order;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;

/**
 * The link between a channel's order id and the OFBiz order made from it (OmniChannelOrder, keyed
 * by channel and the channel's order id in full: OrderHeader.externalId holds only 20 characters).
 * Its primary key also makes two concurrent first events of one order collide, so that one of
 * them rolls back and is retried, finding the order the other created.
 */
final class ChannelOrders {

    private final Delegator delegator;

    ChannelOrders(Delegator delegator) {
        this.delegator = delegator;
    }

    /** The OFBiz OrderHeader of a channel order, or null if OFBiz has not heard of it. */
    GenericValue find(String channelId, String channelOrderId) throws GenericEntityException {
        if (channelOrderId == null) {
            return null;
        }
        GenericValue link = EntityQuery.use(delegator).from("OmniChannelOrder")
                .where("channelId", channelId, "channelOrderId", channelOrderId).queryOne();
        return link == null ? null : EntityQuery.use(delegator).from("OrderHeader").where("orderId", link.getString("orderId")).queryOne();
    }

    /** Records that {@code orderId} is the channel's order, made by event {@code eventId}. */
    void link(String channelId, String channelOrderId, String orderId, String eventId) throws GenericEntityException {
        GenericValue link = delegator.makeValue("OmniChannelOrder");
        link.set("channelId", channelId);
        link.set("channelOrderId", channelOrderId);
        link.set("orderId", orderId);
        link.set("createdByEventId", eventId);
        link.set("createdDate", UtilDateTime.nowTimestamp());
        link.create();
    }
}
