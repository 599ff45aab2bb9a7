package org.omnichannel.ofbiz.order;

import java.math.BigDecimal;

/**
 * One OrderItem that storeOrder will create from one line of the channel's order.
 *
 * @param orderItemSeqId OFBiz's item sequence (00001, 00002 ...), in the order of the lines
 * @param lineId         the channel's line id, kept as OrderItem.externalId when it fits
 * @param productId      the OFBiz product the line's SKU resolved to
 * @param unitPrice      what the channel charged for one unit before line discounts
 */
public record ItemPlan(String orderItemSeqId, String lineId, String productId, BigDecimal quantity,
                       BigDecimal unitPrice, String description) {

    /** OrderItem.externalId is an OFBiz id field of 20 characters. */
    static final int EXTERNAL_ID_LENGTH = 20;

    /** The channel's line id if it fits OrderItem.externalId, else null. */
    public String externalId() {
        return lineId.length() <= EXTERNAL_ID_LENGTH ? lineId : null;
    }

    public BigDecimal gross() {
        return unitPrice.multiply(quantity);
    }
}
