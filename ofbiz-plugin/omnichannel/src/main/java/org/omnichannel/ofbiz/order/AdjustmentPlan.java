package org.omnichannel.ofbiz.order;

import java.math.BigDecimal;

/**
 * One OrderAdjustment that storeOrder will create: a discount (negative), shipping, tax, or the
 * difference between OFBiz's sum and what the channel charged.
 *
 * @param typeId                OrderAdjustmentType: DISCOUNT_ADJUSTMENT, SHIPPING_CHARGES, SALES_TAX,
 *                              VAT_TAX, MISCELLANEOUS_CHARGE
 * @param orderItemSeqId        the item it belongs to, or null for the whole order
 * @param amount                what it adds to the order total (negative for discounts)
 * @param amountAlreadyIncluded tax already inside the prices (VAT), else null
 */
public record AdjustmentPlan(String typeId, String orderItemSeqId, BigDecimal amount, BigDecimal amountAlreadyIncluded,
                             String description) {

    public static final String DISCOUNT = "DISCOUNT_ADJUSTMENT";
    public static final String SHIPPING = "SHIPPING_CHARGES";
    public static final String SALES_TAX = "SALES_TAX";
    public static final String VAT_TAX = "VAT_TAX";
    public static final String MISCELLANEOUS = "MISCELLANEOUS_CHARGE";
}
