package org.omnichannel.core.inventory;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** A {@link StockFactsSource} over a list, as the plugin's Delegator one would answer. */
record ListedFacts(List<StockFact> facts) implements StockFactsSource {

    @Override
    public void forEachFact(Collection<String> facilityIds, Consumer<StockFact> sink) {
        facts.stream().filter(f -> facilityIds.contains(f.facilityId())).forEach(sink);
    }

    @Override
    public void forEachFactOf(String productId, Collection<String> facilityIds, Consumer<StockFact> sink) {
        facts.stream().filter(f -> f.productId().equals(productId) && facilityIds.contains(f.facilityId())).forEach(sink);
    }
}
