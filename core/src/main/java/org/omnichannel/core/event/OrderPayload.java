package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An order as the channel sees it now (placed, updated or cancelled: the envelope's type says
 * which). All amounts are in {@link #currency()}.
 *
 * @param orderId         the vendor's order id, unique within the channel
 * @param orderNumber     the number the fan sees, if different
 * @param vendorStatus    the vendor's own status word, kept for the clerk
 * @param pickupFacility  where the fan collects, for {@link FulfilmentMode#PICKUP_IN_STORE}
 * @param referralCode    a referral code the fan used (an employee's QR or code), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderPayload(String orderId, String orderNumber, String vendorStatus, String currency,
                           List<OrderLine> lines, Money subtotal, Money discountTotal, Money shippingTotal,
                           Money taxTotal, Money grandTotal, Address billingAddress, Address shippingAddress,
                           FulfilmentMode fulfilment, FacilityRef pickupFacility, String referralCode)
        implements EventPayload {

    public OrderPayload {
        orderId = Checks.requiredText(orderId, "order.orderId");
        orderNumber = Checks.optionalText(orderNumber);
        vendorStatus = Checks.optionalText(vendorStatus);
        currency = Checks.requiredText(currency, "order.currency");
        lines = Checks.list(lines);
        Checks.required(grandTotal, "order.grandTotal");
        for (OrderLine line : lines) {
            Checks.sameCurrency(currency, line.lineTotal(), "order line " + line.lineId());
        }
        Checks.sameCurrency(currency, subtotal, "order.subtotal");
        Checks.sameCurrency(currency, discountTotal, "order.discountTotal");
        Checks.sameCurrency(currency, shippingTotal, "order.shippingTotal");
        Checks.sameCurrency(currency, taxTotal, "order.taxTotal");
        Checks.sameCurrency(currency, grandTotal, "order.grandTotal");
        fulfilment = fulfilment == null ? FulfilmentMode.SHIP : fulfilment;
        if (fulfilment == FulfilmentMode.PICKUP_IN_STORE && pickupFacility == null) {
            throw new IllegalArgumentException("order " + orderId + " is PICKUP_IN_STORE but names no pickupFacility");
        }
        referralCode = Checks.optionalText(referralCode);
    }
}
