package org.omnichannel.core.incentive;

import org.omnichannel.core.event.Money;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A credit in one unit: either {@link #POINTS} or money in the minor units of an ISO 4217
 * currency. One type for both keeps the ledger uniform: totals are always per unit, and points
 * are never added to money.
 *
 * @param value exact, in points or in minor units; negative for reversals
 * @param unit  {@value #POINTS} or an ISO 4217 code such as CNY
 */
public record Amount(long value, String unit) {

    /** The unit of non-monetary credit. */
    public static final String POINTS = "POINTS";

    /** Currency codes already validated: arithmetic on amounts should not look the currency up again. */
    private static final Set<String> KNOWN_CURRENCIES = ConcurrentHashMap.newKeySet();

    public Amount {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("amount unit is required: POINTS or an ISO 4217 currency code");
        }
        if (!unit.equals(POINTS) && !KNOWN_CURRENCIES.contains(unit)) {
            new Money(0, unit); // validates the currency code with Money's own message
            KNOWN_CURRENCIES.add(unit);
        }
    }

    public static Amount points(long points) {
        return new Amount(points, POINTS);
    }

    public static Amount of(Money money) {
        return new Amount(money.amountMinor(), money.currency());
    }

    public boolean isPoints() {
        return unit.equals(POINTS);
    }

    public Amount plus(Amount other) {
        requireSameUnit(other);
        return new Amount(Math.addExact(value, other.value), unit);
    }

    public Amount negate() {
        return new Amount(Math.negateExact(value), unit);
    }

    public Amount withValue(long newValue) {
        return new Amount(newValue, unit);
    }

    public boolean isZero() {
        return value == 0;
    }

    private void requireSameUnit(Amount other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
    }

    @Override
    public String toString() {
        return isPoints() ? value + " points" : new Money(value, unit).toString();
    }
}
