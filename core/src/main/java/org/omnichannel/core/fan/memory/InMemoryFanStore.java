package org.omnichannel.core.fan.memory;

import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.port.FanStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link FanStore} in hash maps: what tests and the benchmark run on, and a real store for a
 * hub that keeps fans in memory. Memory grows linearly with records: one entry per record, one
 * index entry per key. Not thread-safe: one resolving thread at a time (the engine serialises).
 */
public final class InMemoryFanStore implements FanStore {

    private static final class Entry {
        final MatchRecord record;
        FanId fan;

        Entry(MatchRecord record, FanId fan) {
            this.record = record;
            this.fan = fan;
        }
    }

    private final String prefix;
    private long nextFan = 1;
    private final Map<String, Entry> records = new HashMap<>();
    private final Map<FanId, List<Entry>> fans = new HashMap<>();
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Map<String, List<Entry>> byBlock = new HashMap<>();

    /** Fan ids {@code fan-1, fan-2...}. */
    public InMemoryFanStore() {
        this("fan-");
    }

    public InMemoryFanStore(String fanIdPrefix) {
        this.prefix = fanIdPrefix;
    }

    @Override
    public FanId newFanId() {
        return FanId.of(prefix + nextFan++);
    }

    @Override
    public void add(MatchRecord record, FanId fan, Collection<String> blockingKeys) {
        if (records.containsKey(record.recordId())) {
            throw new IllegalStateException("record '" + record.recordId() + "' is already stored");
        }
        Entry entry = new Entry(record, fan);
        records.put(record.recordId(), entry);
        fans.computeIfAbsent(fan, f -> new ArrayList<>(2)).add(entry);
        for (IdentityKey key : record.keys()) {
            byKey.computeIfAbsent(key.key(), k -> new ArrayList<>(1)).add(entry);
        }
        for (String key : blockingKeys) {
            byBlock.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
        }
    }

    @Override
    public void move(Collection<String> recordIds, FanId to) {
        Map<FanId, Set<Entry>> leaving = new HashMap<>();
        List<Entry> moving = new ArrayList<>(recordIds.size());
        for (String id : recordIds) {
            Entry entry = records.get(id);
            if (entry == null) {
                throw new IllegalArgumentException("record '" + id + "' is not stored");
            }
            if (!entry.fan.equals(to)) {
                leaving.computeIfAbsent(entry.fan, f -> new LinkedHashSet<>()).add(entry);
                moving.add(entry);
            }
        }
        leaving.forEach((fan, gone) -> {
            List<Entry> left = fans.get(fan);
            left.removeIf(gone::contains);
            if (left.isEmpty()) {
                fans.remove(fan);
            }
        });
        List<Entry> target = fans.computeIfAbsent(to, f -> new ArrayList<>(moving.size()));
        for (Entry entry : moving) {
            entry.fan = to;
            target.add(entry);
        }
    }

    @Override
    public Optional<FanId> fanOf(String recordId) {
        Entry entry = records.get(recordId);
        return entry == null ? Optional.empty() : Optional.of(entry.fan);
    }

    /** The fan of a record, or null: {@link #fanOf} without the Optional, for hot loops. */
    public FanId fanOrNull(String recordId) {
        Entry entry = records.get(recordId);
        return entry == null ? null : entry.fan;
    }

    @Override
    public Optional<MatchRecord> record(String recordId) {
        Entry entry = records.get(recordId);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    @Override
    public List<MatchRecord> recordsOf(FanId fan) {
        List<Entry> entries = fans.get(fan);
        if (entries == null) {
            return List.of();
        }
        List<MatchRecord> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.record);
        }
        return out;
    }

    @Override
    public Set<FanId> fansWithKey(String identityKey) {
        List<Entry> entries = byKey.get(identityKey);
        if (entries == null) {
            return Set.of();
        }
        Set<FanId> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            out.add(e.fan);
        }
        return out;
    }

    @Override
    public List<MatchRecord> recordsWithBlockingKey(String blockingKey, int limit) {
        List<Entry> entries = byBlock.get(blockingKey);
        if (entries == null) {
            return List.of();
        }
        int from = Math.max(0, entries.size() - limit);
        List<MatchRecord> out = new ArrayList<>(entries.size() - from);
        for (int i = from; i < entries.size(); i++) {
            out.add(entries.get(i).record);
        }
        return out;
    }

    @Override
    public int blockingKeyCount(String blockingKey) {
        List<Entry> entries = byBlock.get(blockingKey);
        return entries == null ? 0 : entries.size();
    }

    /** Every fan and its record ids: a snapshot for tests and the benchmark's scoring. */
    public Map<FanId, List<String>> snapshot() {
        Map<FanId, List<String>> out = new HashMap<>();
        fans.forEach((fan, entries) -> {
            List<String> ids = new ArrayList<>(entries.size());
            entries.forEach(e -> ids.add(e.record.recordId()));
            out.put(fan, Collections.unmodifiableList(ids));
        });
        return out;
    }

    public int recordCount() {
        return records.size();
    }

    public int fanCount() {
        return fans.size();
    }
}
