package org.omnichannel.ofbiz.ingest;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;

/**
 * Writes an outbox row in the caller's transaction (the transactional outbox): it is committed
 * with the change that caused it, or not at all.
 */
public final class OutboxWriter {

    private final Delegator delegator;

    public OutboxWriter(Delegator delegator) {
        this.delegator = delegator;
    }

    /** Writes the row and returns its cursor. */
    public String write(String channelId, String messageTypeEnumId, String payloadJson) throws GenericEntityException {
        String cursor = OutboxCursor.of(delegator.getNextSeqIdLong("OmniOutbox"));
        GenericValue row = delegator.makeValue("OmniOutbox");
        row.set("outboxCursor", cursor);
        row.set("messageId", "OMNI-OB-" + Long.parseLong(cursor));
        row.set("channelId", channelId);
        row.set("messageTypeEnumId", messageTypeEnumId);
        row.set("payloadJson", payloadJson);
        row.set("createdDate", UtilDateTime.nowTimestamp());
        delegator.create(row);
        return cursor;
    }
}
