package org.omnichannel.ofbiz.order;

import org.omnichannel.core.event.PaymentMethod;

/**
 * Core's payment methods as OFBiz's PaymentMethodType ids (seed data). Wallets OFBiz has no type
 * for (Alipay, WeChat Pay, other wallets) are EXT_OFFLINE, with the provider in the payment's
 * comments.
 */
public final class PaymentMethodTypes {

    public static final String OFFLINE = "EXT_OFFLINE";

    private PaymentMethodTypes() {
    }

    public static String of(PaymentMethod method) {
        if (method == null) {
            return OFFLINE;
        }
        return switch (method) {
            case CARD -> "CREDIT_CARD";
            case PAYPAL -> "EXT_PAYPAL";
            case CASH -> "CASH";
            case BANK_TRANSFER -> "EFT_ACCOUNT";
            case GIFT_CARD -> "GIFT_CARD";
            case ALIPAY, WECHAT_PAY, WALLET, OTHER -> OFFLINE;
        };
    }
}
