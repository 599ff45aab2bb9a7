package org.omnichannel.hub.fetch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of ids seen lately (least recently seen forgotten first). Thread-safe. It only saves
 * work: what it has forgotten, or what another hub saw, is still collapsed by eventId downstream.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String id) {
        return ids.get(id) != null;
    }

    synchronized void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    synchronized void remove(String id) {
        ids.remove(id);
    }
}
