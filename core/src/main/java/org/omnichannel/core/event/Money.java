package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in the currency's minor units (cents, fen, yen) and its ISO 4217 code.
 * Minor units are exact, compare with {@code ==}, and are what payment APIs (Stripe, Square,
 * WeChat Pay) already send; {@link #of(BigDecimal, String)} converts from decimal amounts
 * (Shopify, Alipay, OFBiz) and refuses any that would lose a fraction.
 *
 * @param amountMinor the amount in minor units; negative for credits
 * @param currency    ISO 4217 alphabetic code, upper case
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Checks.requiredText(currency, "currency");
        try {
            Currency iso = Currency.getInstance(currency);
            if (!iso.getCurrencyCode().equals(currency)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code such as CNY or EUR");
        }
    }

    /** Converts a decimal amount; throws when it has more decimals than the currency has minor units. */
    public static Money of(BigDecimal amount, String currency) {
        Checks.required(amount, "amount");
        int digits = fractionDigits(currency);
        try {
            return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " " + currency
                    + " does not fit " + digits + " decimal places of " + currency + " exactly");
        }
    }

    /** Parses a decimal string such as "12.50". */
    public static Money of(String amount, String currency) {
        try {
            return of(new BigDecimal(Checks.requiredText(amount, "amount").trim()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + amount + "' is not a decimal number");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The amount as a decimal in major units (12.50 for 1250 minor units of EUR). */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, fractionDigits(currency));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return amountMinor == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    private static int fractionDigits(String currency) {
        int digits = Currency.getInstance(Checks.requiredText(currency, "currency")).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
