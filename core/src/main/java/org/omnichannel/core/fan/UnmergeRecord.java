package org.omnichannel.core.fan;

import java.time.Instant;
import java.util.List;

/**
 * The audit of an unmerge: the records of merge {@code mergeId} went back to fan {@code restored}.
 *
 * @param unmergeId      unique id of this unmerge
 * @param mergeId        the merge undone
 * @param restored       the fan given its records back (the merge's absorbed fan)
 * @param from           the fan they were taken from (the merge's survivor)
 * @param movedRecordIds the records moved back
 * @param actor          who asked
 * @param reason         why, in their words
 * @param at             when
 */
public record UnmergeRecord(String unmergeId, String mergeId, FanId restored, FanId from,
                            List<String> movedRecordIds, String actor, String reason, Instant at) {

    public UnmergeRecord {
        movedRecordIds = List.copyOf(movedRecordIds);
    }
}
