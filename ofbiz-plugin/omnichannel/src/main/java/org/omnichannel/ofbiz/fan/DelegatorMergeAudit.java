package org.omnichannel.ofbiz.fan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;
import org.omnichannel.core.fan.port.MergeAudit;

/**
 * Core's {@link MergeAudit} on OmniFanMerge, in the caller's transaction: one row per merge, which
 * its unmerge completes. Append-only as core requires: a merge is written once, an unmerge once.
 */
public final class DelegatorMergeAudit implements MergeAudit {

    private final Delegator delegator;

    public DelegatorMergeAudit(Delegator delegator) {
        this.delegator = delegator;
    }

    @Override
    public void merged(MergeRecord merge) {
        try {
            delegator.create(delegator.makeValue("OmniFanMerge", MergeRows.fields(merge)));
        } catch (GenericEntityException e) {
            throw new DelegatorFanStore.FanStoreException("could not record merge " + merge.mergeId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void unmerged(UnmergeRecord unmerge) {
        GenericValue row = row(unmerge.mergeId());
        if (row == null) {
            throw new IllegalArgumentException("no merge '" + unmerge.mergeId() + "' to record an unmerge of");
        }
        if (row.getTimestamp("unmergedDate") != null) {
            throw new IllegalStateException("merge '" + unmerge.mergeId() + "' is already undone");
        }
        for (Map.Entry<String, Object> field : MergeRows.unmergeFields(unmerge, row.getString("movedJson")).entrySet()) {
            row.set(field.getKey(), field.getValue());
        }
        try {
            row.store();
        } catch (GenericEntityException e) {
            throw new DelegatorFanStore.FanStoreException("could not record the unmerge of " + unmerge.mergeId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<MergeRecord> merge(String mergeId) {
        GenericValue row = row(mergeId);
        return row == null ? Optional.empty() : Optional.of(MergeRows.merge(row::get));
    }

    @Override
    public Optional<UnmergeRecord> unmergeOf(String mergeId) {
        GenericValue row = row(mergeId);
        return row == null ? Optional.empty() : Optional.ofNullable(MergeRows.unmerge(row::get));
    }

    @Override
    public List<MergeRecord> mergesOf(FanId fan) {
        try {
            List<MergeRecord> merges = new ArrayList<>();
            for (String field : List.of("survivorPartyId", "mergedPartyId")) {
                for (GenericValue row : EntityQuery.use(delegator).from("OmniFanMerge").where(field, fan.value()).queryList()) {
                    merges.add(MergeRows.merge(row::get));
                }
            }
            merges.sort(Comparator.comparing(MergeRecord::at).thenComparing(MergeRecord::mergeId));
            return merges;
        } catch (GenericEntityException e) {
            throw new DelegatorFanStore.FanStoreException("could not read the merges of fan " + fan + ": " + e.getMessage(), e);
        }
    }

    private GenericValue row(String mergeId) {
        try {
            return EntityQuery.use(delegator).from("OmniFanMerge").where("mergeId", mergeId).queryOne();
        } catch (GenericEntityException e) {
            throw new DelegatorFanStore.FanStoreException("could not read merge " + mergeId + ": " + e.getMessage(), e);
        }
    }
}
