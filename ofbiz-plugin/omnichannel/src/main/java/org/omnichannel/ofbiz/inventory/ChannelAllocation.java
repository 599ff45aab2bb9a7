package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A channel's share of a product's available-to-promise: {@code floor(atp * percent / 100) - safetyStock},
 * never below zero. Rounding down never promises a unit that is not there; the safety stock is held
 * back from this channel only. No rule means the whole stock.
 */
public record ChannelAllocation(BigDecimal percent, BigDecimal safetyStock) {

    public static final ChannelAllocation WHOLE_STOCK = new ChannelAllocation(BigDecimal.valueOf(100), BigDecimal.ZERO);

    public ChannelAllocation {
        percent = percent == null ? BigDecimal.valueOf(100) : percent;
        safetyStock = safetyStock == null ? BigDecimal.ZERO : safetyStock;
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("allocationPercent must be from 0 to 100, was " + percent);
        }
        if (safetyStock.signum() < 0) {
            throw new IllegalArgumentException("safetyStock must not be negative, was " + safetyStock);
        }
    }

    public BigDecimal availableToSell(BigDecimal availableToPromise) {
        if (availableToPromise == null || availableToPromise.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = availableToPromise.multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR);
        BigDecimal ats = share.subtract(safetyStock.setScale(0, RoundingMode.CEILING));
        return ats.signum() < 0 ? BigDecimal.ZERO : ats;
    }
}
