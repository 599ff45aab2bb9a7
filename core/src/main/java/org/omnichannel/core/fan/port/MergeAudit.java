package org.omnichannel.core.fan.port;

import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;

import java.util.List;
import java.util.Optional;

/**
 * The append-only log of merges and unmerges. In OFBiz: rows of their own, written in the same
 * transaction as the records they move.
 */
public interface MergeAudit {

    void merged(MergeRecord merge);

    void unmerged(UnmergeRecord unmerge);

    Optional<MergeRecord> merge(String mergeId);

    /** The unmerge of a merge, if it was undone. */
    Optional<UnmergeRecord> unmergeOf(String mergeId);

    /** Every merge a fan took part in, as survivor or absorbed, oldest first. */
    List<MergeRecord> mergesOf(FanId fan);
}
