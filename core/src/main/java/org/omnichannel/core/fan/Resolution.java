package org.omnichannel.core.fan;

import java.util.List;

/**
 * What resolving one record decided: the fan it belongs to, how, and what changed. Modules that
 * key data by fan id (timelines, value index) re-point the ids in {@link #mergedAway()} to
 * {@link #fanId()}.
 *
 * @param recordId   the record resolved
 * @param fanId      its fan; null only when {@link Outcome#ANONYMOUS}
 * @param outcome    new fan, joined a known fan, merged fans, already resolved, or anonymous
 * @param mergedAway fans folded into {@code fanId} by this record, each with a merge in the audit
 * @param mergeIds   the audit ids of those merges, in the same order
 * @param links      the evidence that tied the record to each fan
 * @param conflicts  evidence that stopped a link or a merge
 */
public record Resolution(String recordId, FanId fanId, Outcome outcome, List<FanId> mergedAway,
                         List<String> mergeIds, List<Link> links, List<Conflict> conflicts) {

    /** The closed set of outcomes. */
    public enum Outcome {
        /** No known fan matched: a fan was created. */
        NEW,
        /** The record joined one known fan. */
        JOINED,
        /** The record tied several known fans together: they were merged into one. */
        MERGED,
        /** The record had been resolved before (same record id): nothing changed. */
        ALREADY_RESOLVED,
        /** The record carries nothing that identifies a person (an anonymous sale): no fan. */
        ANONYMOUS
    }

    public Resolution {
        mergedAway = List.copyOf(mergedAway);
        mergeIds = List.copyOf(mergeIds);
        links = List.copyOf(links);
        conflicts = List.copyOf(conflicts);
    }

    /** The fan id as a plain string, or null for an anonymous record. */
    public String fan() {
        return fanId == null ? null : fanId.value();
    }
}
