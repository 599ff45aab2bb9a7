package org.omnichannel.core.event;

/** How a fan paid. */
public enum PaymentMethod {
    CARD,
    ALIPAY,
    WECHAT_PAY,
    PAYPAL,
    CASH,
    BANK_TRANSFER,
    GIFT_CARD,
    WALLET,
    OTHER
}
