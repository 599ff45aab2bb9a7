package org.omnichannel.core.fan;

import java.time.Instant;
import java.util.List;

/**
 * The audit of one merge: fan {@code absorbed} was folded into {@code survivor}. It lists exactly
 * which records moved, so that {@link FanResolver#unmerge} can move them back.
 *
 * @param mergeId         unique id of this merge
 * @param survivor        the fan that remains
 * @param absorbed        the fan that no longer has records
 * @param movedRecordIds  the records that belonged to {@code absorbed} at the time
 * @param triggerRecordId the record whose evidence joined them, or null for a manual merge
 * @param evidence        why: the shared identifiers or the match weights, in words
 * @param actor           who or what decided ("engine", a user login)
 * @param at              when
 */
public record MergeRecord(String mergeId, FanId survivor, FanId absorbed, List<String> movedRecordIds,
                          String triggerRecordId, String evidence, String actor, Instant at) {

    public MergeRecord {
        movedRecordIds = List.copyOf(movedRecordIds);
    }
}
