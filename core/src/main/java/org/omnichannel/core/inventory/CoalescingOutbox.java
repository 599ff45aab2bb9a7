package org.omnichannel.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects publishing decisions between two pushes: the latest value per channel, location and
 * product wins, and a value equal to the one last pushed is dropped (5 → 4 → 5 pushes nothing).
 * {@link #drain()} hands out decreases before increases, so a channel that must shrink is told
 * before another may grow. Thread-safe; decisions may be offered from several threads in any order
 * (the {@link StockLevelUpdate#sequence()} decides which is newer).
 */
public final class CoalescingOutbox {

    private final Map<StockLevelUpdate.Key, StockLevelUpdate> pending = new HashMap<>();
    private final Map<StockLevelUpdate.Key, StockLevelUpdate> pushed = new HashMap<>();

    public synchronized void offer(List<StockLevelUpdate> updates) {
        for (StockLevelUpdate update : updates) {
            pending.merge(update.key(), update, (old, neu) -> neu.sequence() >= old.sequence() ? neu : old);
        }
    }

    /** Number of keys waiting (some may turn out unchanged). */
    public synchronized int pendingKeys() {
        return pending.size();
    }

    /** What must be pushed now, decreases first; afterwards these count as pushed. */
    public synchronized List<StockLevelUpdate> drain() {
        List<StockLevelUpdate> decreases = new ArrayList<>();
        List<StockLevelUpdate> increases = new ArrayList<>();
        for (StockLevelUpdate update : pending.values()) {
            StockLevelUpdate last = pushed.get(update.key());
            if (last != null && last.sequence() > update.sequence()) {
                continue;
            }
            if (last != null && last.availableToSell().compareTo(update.availableToSell()) == 0) {
                pushed.put(update.key(), update);
                continue;
            }
            boolean decrease = last != null && update.availableToSell().compareTo(last.availableToSell()) < 0;
            (decrease ? decreases : increases).add(update);
            pushed.put(update.key(), update);
        }
        pending.clear();
        Comparator<StockLevelUpdate> order = Comparator.comparing(StockLevelUpdate::channelId)
                .thenComparing(StockLevelUpdate::productId)
                .thenComparing(u -> u.locationId() == null ? "" : u.locationId());
        decreases.sort(order);
        increases.sort(order);
        decreases.addAll(increases);
        return decreases;
    }
}
