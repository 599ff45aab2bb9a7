package org.omnichannel.core.fan.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One fan's timeline, in time order. A redelivered event (same id, same occurredAt: the canonical
 * event is deterministic) is kept once. Appending in time order (the usual case) is O(1); a late
 * event is found and inserted by binary search. Not thread-safe: the engine guards it.
 */
final class FanTimeline {

    static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId);

    private final List<TimelineEntry> entries = new ArrayList<>(8);

    /** Adds the entry unless its event is already there; true when added. */
    boolean add(TimelineEntry entry) {
        int at = insertionPoint(entry);
        if (at < 0) {
            return false;
        }
        entries.add(at, entry);
        return true;
    }

    /** Where the entry goes, or -1 when an entry of the same event is there already. */
    private int insertionPoint(TimelineEntry entry) {
        int size = entries.size();
        if (size == 0 || ORDER.compare(entries.get(size - 1), entry) < 0) {
            return size;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = ORDER.compare(entries.get(mid), entry);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return -1;
            }
        }
        return low;
    }

    List<TimelineEntry> all() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** Entries with from ≤ occurredAt < to (null = open end) that match the filter. */
    List<TimelineEntry> between(Instant from, Instant to, Predicate<TimelineEntry> filter) {
        List<TimelineEntry> out = new ArrayList<>();
        for (TimelineEntry e : entries) {
            if ((from == null || !e.occurredAt().isBefore(from)) && (to == null || e.occurredAt().isBefore(to))
                    && filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }


}
