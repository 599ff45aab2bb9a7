package org.omnichannel.ofbiz.order;

import java.math.BigDecimal;

import org.omnichannel.core.event.Money;

/**
 * Core's {@link Money} (minor units) as the BigDecimal OFBiz stores, exactly: 129900 CNY fen
 * become 1299.00, 500 JPY stay 500. Nothing is rounded; a currency other than the order's is
 * refused, since OFBiz keeps one currency per order.
 */
public final class Amounts {

    private Amounts() {
    }

    /** The amount in major units at the currency's scale; null stays null. */
    public static BigDecimal decimal(Money money, String currency) {
        if (money == null) {
            return null;
        }
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("amount " + money + " is not in the order's currency " + currency);
        }
        return money.toDecimal();
    }

    /** Like {@link #decimal(Money, String)} but zero for a missing amount. */
    public static BigDecimal decimalOrZero(Money money, String currency) {
        BigDecimal value = decimal(money, currency);
        return value == null ? BigDecimal.ZERO : value;
    }
}
