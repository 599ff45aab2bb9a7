package org.omnichannel.ofbiz.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;

/**
 * What storeOrder is given for one channel order: the items and the adjustments, in the order's
 * currency, such that OFBiz's own total (items + adjustments, as OrderReadHelper sums them) is
 * exactly the channel's grand total.
 *
 * <ul>
 *   <li>each line is an item at the channel's unit price; its discount an item-level
 *       DISCOUNT_ADJUSTMENT;</li>
 *   <li>the order's discount total less the line discounts an order-level DISCOUNT_ADJUSTMENT;</li>
 *   <li>shipping a SHIPPING_CHARGES adjustment;</li>
 *   <li>tax a SALES_TAX adjustment, or, when the channel's total shows that its prices already
 *       include the tax (VAT, China's 增值税), a VAT_TAX adjustment of amount 0 with the tax as
 *       amountAlreadyIncluded;</li>
 *   <li>any remaining difference (rounding, fees the channel does not itemise) a
 *       MISCELLANEOUS_CHARGE, so that the order total in OFBiz is what the fan paid.</li>
 * </ul>
 */
public record OrderPlan(String currency, List<ItemPlan> items, List<AdjustmentPlan> adjustments, BigDecimal grandTotal) {

    public OrderPlan {
        items = List.copyOf(items);
        adjustments = List.copyOf(adjustments);
    }

    /**
     * Plans the order.
     *
     * @param productIds the OFBiz product of each line, by the line's id (from {@link ProductResolver})
     */
    public static OrderPlan of(OrderPayload order, Map<String, String> productIds) {
        if (order.lines().isEmpty()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no lines: OFBiz cannot store an order without items");
        }
        String currency = order.currency();
        List<ItemPlan> items = new ArrayList<>();
        List<AdjustmentPlan> adjustments = new ArrayList<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        BigDecimal lineDiscounts = BigDecimal.ZERO;
        int seq = 0;
        for (OrderLine line : order.lines()) {
            String productId = productIds.get(line.lineId());
            if (productId == null) {
                throw new IllegalArgumentException("order " + order.orderId() + " line " + line.lineId() + " has no product");
            }
            String seqId = String.format("%05d", ++seq);
            ItemPlan item = new ItemPlan(seqId, line.lineId(), productId, line.quantity(),
                    Amounts.decimal(line.unitPrice(), currency), line.title());
            items.add(item);
            itemsTotal = itemsTotal.add(item.gross());
            BigDecimal discount = Amounts.decimalOrZero(line.discount(), currency);
            if (discount.signum() != 0) {
                adjustments.add(new AdjustmentPlan(AdjustmentPlan.DISCOUNT, seqId, discount.negate(), null,
                        "discount on line " + line.lineId()));
                lineDiscounts = lineDiscounts.add(discount);
            }
        }
        BigDecimal total = itemsTotal.subtract(lineDiscounts);

        BigDecimal orderDiscount = Amounts.decimalOrZero(order.discountTotal(), currency).subtract(lineDiscounts);
        if (orderDiscount.signum() > 0) {
            adjustments.add(new AdjustmentPlan(AdjustmentPlan.DISCOUNT, null, orderDiscount.negate(), null, "order discount"));
            total = total.subtract(orderDiscount);
        }
        BigDecimal shipping = Amounts.decimalOrZero(order.shippingTotal(), currency);
        if (shipping.signum() != 0) {
            adjustments.add(new AdjustmentPlan(AdjustmentPlan.SHIPPING, null, shipping, null, "shipping"));
            total = total.add(shipping);
        }
        BigDecimal grandTotal = Amounts.decimal(order.grandTotal(), currency);
        BigDecimal tax = Amounts.decimalOrZero(order.taxTotal(), currency);
        if (tax.signum() != 0) {
            if (total.compareTo(grandTotal) == 0 && total.add(tax).compareTo(grandTotal) != 0) {
                adjustments.add(new AdjustmentPlan(AdjustmentPlan.VAT_TAX, null, BigDecimal.ZERO.setScale(tax.scale()), tax,
                        "tax included in the prices"));
            } else {
                adjustments.add(new AdjustmentPlan(AdjustmentPlan.SALES_TAX, null, tax, null, "tax"));
                total = total.add(tax);
            }
        }
        BigDecimal difference = grandTotal.subtract(total);
        if (difference.signum() != 0) {
            adjustments.add(new AdjustmentPlan(AdjustmentPlan.MISCELLANEOUS, null, difference, null,
                    "difference to the channel's total " + order.grandTotal()));
        }
        return new OrderPlan(currency, items, adjustments, grandTotal);
    }

    /** OFBiz's view of the total: items plus adjustments (VAT already included adds nothing). */
    public BigDecimal total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ItemPlan item : items) {
            sum = sum.add(item.gross());
        }
        for (AdjustmentPlan adjustment : adjustments) {
            sum = sum.add(adjustment.amount());
        }
        return sum;
    }
}
