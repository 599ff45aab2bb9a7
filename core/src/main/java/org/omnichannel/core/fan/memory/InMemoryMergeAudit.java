package org.omnichannel.core.fan.memory;

import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;
import org.omnichannel.core.fan.port.MergeAudit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link MergeAudit} in memory, append-only. */
public final class InMemoryMergeAudit implements MergeAudit {

    private final Map<String, MergeRecord> merges = new LinkedHashMap<>();
    private final Map<String, UnmergeRecord> unmerges = new HashMap<>();
    private final Map<FanId, List<MergeRecord>> byFan = new HashMap<>();

    @Override
    public synchronized void merged(MergeRecord merge) {
        if (merges.putIfAbsent(merge.mergeId(), merge) != null) {
            throw new IllegalStateException("merge '" + merge.mergeId() + "' is already recorded");
        }
        byFan.computeIfAbsent(merge.survivor(), f -> new ArrayList<>()).add(merge);
        byFan.computeIfAbsent(merge.absorbed(), f -> new ArrayList<>()).add(merge);
    }

    @Override
    public synchronized void unmerged(UnmergeRecord unmerge) {
        if (!merges.containsKey(unmerge.mergeId())) {
            throw new IllegalArgumentException("no merge '" + unmerge.mergeId() + "' to record an unmerge of");
        }
        if (unmerges.putIfAbsent(unmerge.mergeId(), unmerge) != null) {
            throw new IllegalStateException("merge '" + unmerge.mergeId() + "' is already undone");
        }
    }

    @Override
    public synchronized Optional<MergeRecord> merge(String mergeId) {
        return Optional.ofNullable(merges.get(mergeId));
    }

    @Override
    public synchronized Optional<UnmergeRecord> unmergeOf(String mergeId) {
        return Optional.ofNullable(unmerges.get(mergeId));
    }

    @Override
    public synchronized List<MergeRecord> mergesOf(FanId fan) {
        return List.copyOf(byFan.getOrDefault(fan, List.of()));
    }

    /** Every merge, oldest first. */
    public synchronized List<MergeRecord> all() {
        return List.copyOf(merges.values());
    }
}
