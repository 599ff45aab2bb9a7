package org.omnichannel.bench.identity;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a run needs: the most heap in use just after any collection during the run (live data,
 * not garbage waiting for the next collection), which {@link #peakLiveMb} compares with the live
 * heap at the end. Unlike the pools' raw peaks it does not depend on how large the collector let
 * the young generation grow. No collection is forced at the start: a forced full GC shrinks the
 * heap, and the timed run would then pay for growing it again.
 */
public final class HeapMeter implements NotificationListener, AutoCloseable {

    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Set<String> heapPools = new HashSet<>();

    private HeapMeter() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
    }

    public static HeapMeter start() {
        HeapMeter meter = new HeapMeter();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(meter, null, null);
            }
        }
        return meter;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** The peak live heap in MB: the most in use after a collection during the run, or {@code liveAtEnd}. */
    public double peakLiveMb(long liveAtEnd) {
        return Math.max(peakAfterGc.get(), liveAtEnd) / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not registered on this collector
                }
            }
        }
    }

    /** Heap in use after a full collection, in bytes: what live objects retain. */
    public static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
