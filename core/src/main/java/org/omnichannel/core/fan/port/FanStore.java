package org.omnichannel.core.fan.port;

import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.MatchRecord;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where fans and their records live: the port the engine resolves against. The in-memory
 * implementation is {@code InMemoryFanStore}; the OFBiz plugin implements it on the Delegator
 * (a fan is a Party, a record a row keyed by recordId with its fan's partyId, the keys rows of
 * their own, indexed).
 *
 * <p>A fan exists as long as records point at it; a merge moves records, it never rewrites them.
 * Calls come from one resolving thread at a time per store, or inside one transaction.
 */
public interface FanStore {

    /** A fan id never handed out before. */
    FanId newFanId();

    /**
     * Stores a new record as belonging to {@code fan}, indexed by its identity keys
     * ({@link org.omnichannel.core.fan.IdentityKey#key()}) and by the given blocking keys.
     */
    void add(MatchRecord record, FanId fan, Collection<String> blockingKeys);

    /** Points the given records at fan {@code to} (merge and unmerge). */
    void move(Collection<String> recordIds, FanId to);

    /** The fan a record belongs to now, if the record is known. */
    Optional<FanId> fanOf(String recordId);

    Optional<MatchRecord> record(String recordId);

    /** The records of a fan, in the order they were added; empty for an unknown or absorbed fan. */
    List<MatchRecord> recordsOf(FanId fan);

    /** The fans that hold a record with this identity key. */
    Set<FanId> fansWithKey(String identityKey);

    /** Records filed under a blocking key, at most {@code limit} of them (the most recent). */
    List<MatchRecord> recordsWithBlockingKey(String blockingKey, int limit);

    /** How many records are filed under a blocking key. */
    int blockingKeyCount(String blockingKey);
}
