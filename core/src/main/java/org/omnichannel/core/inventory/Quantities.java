package org.omnichannel.core.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The boundary between OFBiz's decimal quantities (events, InventoryItem) and the whole units the
 * engine counts in. Counting in {@code long} keeps every sum exact and cheap.
 */
public final class Quantities {

    private Quantities() {
    }

    /** A quantity that must be whole (a change, an order line): a fraction is refused, naming what it was. */
    public static long wholeUnits(BigDecimal quantity, String what) {
        if (quantity == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            return quantity.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " must be a whole number of units, was " + quantity.toPlainString());
        }
    }

    /**
     * A figure of stock that may carry a fraction (2.5 available): rounded down, so the engine never
     * offers a unit that is not all there.
     */
    public static long sellableUnits(BigDecimal quantity) {
        if (quantity == null) {
            return 0;
        }
        return quantity.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** Units back to the decimal the events and the outbox carry. */
    public static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units);
    }
}
