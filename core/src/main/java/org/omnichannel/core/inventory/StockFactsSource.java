package org.omnichannel.core.inventory;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The port through which the engine learns OFBiz's stock. The OFBiz plugin implements it on the
 * Delegator: InventoryItem grouped by productId and facilityId, summing quantityOnHandTotal and
 * availableToPromiseTotal, plus InventoryTransfer rows not yet completed for the in-transit figure.
 */
public interface StockFactsSource {

    /** Every product's stock at the given facilities, one fact per product and facility. */
    void forEachFact(Collection<String> facilityIds, Consumer<StockFact> sink);

    /** One product's stock at the given facilities (to resynchronise it after a doubt). */
    void forEachFactOf(String productId, Collection<String> facilityIds, Consumer<StockFact> sink);
}
