package org.omnichannel.ofbiz.fan;

import java.sql.Timestamp;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.OrderPayload;

/**
 * Puts an event on the fan's timeline as an OmniInteraction: where (the event's facility if OFBiz
 * knows it, else the channel's), who (the employee, if OFBiz knows the party) and what.
 */
public final class InteractionRecorder {

    private final Delegator delegator;

    public InteractionRecorder(Delegator delegator) {
        this.delegator = delegator;
    }

    /** Records the interaction of an event that has one; returns its id, or null. */
    public String record(ChannelEvent event, GenericValue channel, String partyId) throws GenericEntityException {
        String type;
        String productId = null;
        String note = null;
        Long duration = null;
        switch (event.type()) {
            case INTERACTION -> {
                InteractionPayload payload = event.payloadAs(InteractionPayload.class);
                type = OmniEnums.interaction(payload.subtype());
                productId = payload.productIds().isEmpty() ? null : payload.productIds().get(0);
                note = payload.text();
                duration = payload.durationSeconds();
            }
            case ORDER_PLACED -> {
                type = OmniEnums.orderInteraction();
                note = "order " + event.payloadAs(OrderPayload.class).orderId();
            }
            case REFUND_ISSUED -> type = OmniEnums.refundInteraction();
            default -> {
                return null;
            }
        }
        GenericValue row = delegator.makeValue("OmniInteraction");
        String id = delegator.getNextSeqId("OmniInteraction");
        row.set("interactionId", id);
        row.set("partyId", partyId);
        row.set("channelId", event.channelId());
        row.set("interactionTypeEnumId", type);
        row.set("facilityId", facility(event, channel));
        row.set("employeePartyId", employee(event));
        row.set("productId", existing("Product", "productId", productId));
        row.set("eventId", event.eventId());
        row.set("occurredDate", Timestamp.from(event.occurredAt()));
        row.set("durationSeconds", duration);
        row.set("note", note == null ? null : note.length() > 255 ? note.substring(0, 255) : note);
        delegator.create(row);
        return id;
    }

    private String facility(ChannelEvent event, GenericValue channel) throws GenericEntityException {
        String facilityId = event.facility() == null ? null : existing("Facility", "facilityId", event.facility().id());
        return facilityId != null ? facilityId : channel.getString("facilityId");
    }

    private String employee(ChannelEvent event) throws GenericEntityException {
        return event.employee() == null ? null : existing("Party", "partyId", event.employee().id());
    }

    /** The id if a row of that entity has it (a channel's own ids are not always OFBiz's), else null. */
    private String existing(String entity, String field, String id) throws GenericEntityException {
        if (id == null || id.length() > 20) {
            return null;
        }
        return EntityQuery.use(delegator).from(entity).where(field, id).queryOne() == null ? null : id;
    }
}
