package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Money captured from the fan.
 *
 * @param provider the payment provider's system id (stripe, alipay, wechatpay, paypal, square...)
 * @param orderId  the order it pays for, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentPayload(String paymentId, String orderId, Money amount, PaymentMethod method,
                             String provider) implements EventPayload {

    public PaymentPayload {
        paymentId = Checks.requiredText(paymentId, "payment.paymentId");
        orderId = Checks.optionalText(orderId);
        Checks.required(amount, "payment.amount");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("payment.amount must be positive, was " + amount);
        }
        method = method == null ? PaymentMethod.OTHER : method;
        provider = Checks.optionalText(provider);
    }
}
