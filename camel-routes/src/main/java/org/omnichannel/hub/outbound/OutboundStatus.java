package org.omnichannel.hub.outbound;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Which channels are waiting (throttled, vendor down) and why: shown in the health details. */
final class OutboundStatus {

    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private volatile long lastBatchNanos = System.nanoTime();

    void waiting(String channelId, String reason) {
        waiting.put(channelId, reason);
    }

    void settled(String channelId) {
        waiting.remove(channelId);
    }

    void batchDone() {
        lastBatchNanos = System.nanoTime();
    }

    Map<String, String> waiting() {
        return new TreeMap<>(waiting);
    }

    long secondsSinceLastBatch() {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastBatchNanos);
    }
}
