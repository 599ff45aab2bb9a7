package org.omnichannel.core.fan.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stock facts next-best-action needs, and nothing more: the port the inventory engine
 * implements (the lead wires it). Both answers are available-to-sell, i.e. net of reservations and
 * safety stock.
 */
public interface StockLookup {

    /** Units of the product the store (facility) can sell now; zero when none or unknown. */
    BigDecimal availableAt(String productId, String facilityId);

    /**
     * Where else the fan can get the product, best first (online channels that can ship it, stores
     * near {@code facilityId}); only places with stock, empty when there are none.
     */
    List<StockSource> alternatives(String productId, String facilityId);
}
