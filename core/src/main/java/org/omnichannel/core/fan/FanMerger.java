package org.omnichannel.core.fan;

import org.omnichannel.core.fan.port.FanStore;
import org.omnichannel.core.fan.port.MergeAudit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Merges and unmerges fans, writing each to the audit. A merge moves every record of the
 * absorbed fan to the survivor and lists them; an unmerge moves exactly those records back, so
 * the absorbed fan gets back its identities and history.
 */
public final class FanMerger {

    private final FanStore store;
    private final MergeAudit audit;
    private final Clock clock;

    public FanMerger(FanStore store, MergeAudit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Folds {@code absorbed} into {@code survivor}; the audit entry is returned. */
    public MergeRecord merge(FanId survivor, FanId absorbed, String triggerRecordId, String evidence, String actor) {
        if (survivor.equals(absorbed)) {
            throw new IllegalArgumentException("cannot merge fan " + survivor + " into itself");
        }
        List<String> moved = new ArrayList<>();
        for (MatchRecord r : store.recordsOf(absorbed)) {
            moved.add(r.recordId());
        }
        if (moved.isEmpty()) {
            throw new IllegalArgumentException("fan " + absorbed + " has no records: it is unknown or already merged");
        }
        if (store.recordsOf(survivor).isEmpty()) {
            throw new IllegalArgumentException("fan " + survivor + " has no records: it is unknown or already merged");
        }
        store.move(moved, survivor);
        MergeRecord merge = new MergeRecord(UUID.randomUUID().toString(), survivor, absorbed, moved, triggerRecordId,
                evidence, actor, clock.instant());
        audit.merged(merge);
        return merge;
    }

    /**
     * Undoes a merge: its records go back to the fan they came from, wherever they are now (the
     * survivor may since have been merged into another fan). Records that joined after the
     * merge stay where they are.
     */
    public UnmergeRecord unmerge(String mergeId, String actor, String reason) {
        MergeRecord merge = audit.merge(mergeId)
                .orElseThrow(() -> new IllegalArgumentException("no merge '" + mergeId + "' in the audit"));
        if (audit.unmergeOf(mergeId).isPresent()) {
            throw new IllegalStateException("merge '" + mergeId + "' was already undone");
        }
        List<String> back = new ArrayList<>();
        FanId from = null;
        for (String recordId : merge.movedRecordIds()) {
            FanId now = store.fanOf(recordId).orElse(null);
            if (now != null && !now.equals(merge.absorbed())) {
                back.add(recordId);
                from = from == null ? now : from;
            }
        }
        store.move(back, merge.absorbed());
        UnmergeRecord unmerge = new UnmergeRecord(UUID.randomUUID().toString(), mergeId, merge.absorbed(),
                from == null ? merge.survivor() : from, back, actor, reason, clock.instant());
        audit.unmerged(unmerge);
        return unmerge;
    }

    /** True when a person split these two fans apart: the engine must not merge them again. */
    public boolean separated(FanId a, FanId b) {
        for (MergeRecord m : audit.mergesOf(a)) {
            boolean pair = (m.survivor().equals(a) && m.absorbed().equals(b))
                    || (m.survivor().equals(b) && m.absorbed().equals(a));
            if (pair && audit.unmergeOf(m.mergeId()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
