package org.omnichannel.core.fan;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.fan.match.Blocking;
import org.omnichannel.core.fan.match.MatchExplanation;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.match.Scorer;
import org.omnichannel.core.fan.normalize.RecordNormalizer;
import org.omnichannel.core.fan.port.FanStore;
import org.omnichannel.core.fan.port.MergeAudit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The online identity resolution engine: one record at a time, decides which fan it belongs to.
 *
 * <ol>
 *   <li>Deterministic: fans holding one of the record's strong identifiers (trust at least
 *       {@link KeyType#LINK_TRUST}) are linked, unless strong evidence conflicts.</li>
 *   <li>Probabilistic: stored records sharing a blocking key are scored with the Fellegi-Sunter
 *       model; fans whose closest record reaches the match probability are linked.</li>
 *   <li>The record joins the strongest compatible fan; other linked fans are merged into it
 *       (audited), unless strong evidence or an earlier unmerge says they are different people.</li>
 * </ol>
 * Linking every fan over the threshold makes the outcome the connected components of the
 * link graph, whatever the arrival order. Calls are serialised: one record at a time.
 */
public final class FanResolver {

    /** The actor named in audits of the engine's own merges. */
    public static final String ENGINE = "engine";

    private final FanStore store;
    private final FanMerger merger;
    private final double matchProbability;
    private volatile Scorer scorer;
    private volatile double threshold;

    /**
     * @param matchProbability the posterior probability a pair must reach to be linked
     */
    public FanResolver(FanStore store, MergeAudit audit, MatchModel model, double matchProbability, Clock clock) {
        if (!(matchProbability > 0 && matchProbability < 1)) {
            throw new IllegalArgumentException("match probability must be in (0, 1), was " + matchProbability);
        }
        this.store = store;
        this.merger = new FanMerger(store, audit, clock);
        this.matchProbability = matchProbability;
        useModel(model);
    }

    /** The engine with the default match probability, {@value #DEFAULT_MATCH_PROBABILITY}. */
    public FanResolver(FanStore store, MergeAudit audit, MatchModel model) {
        this(store, audit, model, DEFAULT_MATCH_PROBABILITY, Clock.systemUTC());
    }

    /** The default posterior a pair must reach. */
    public static final double DEFAULT_MATCH_PROBABILITY = 0.8;

    /** Switches to a newly trained model; later records are scored with it. */
    public void useModel(MatchModel model) {
        Scorer next = new Scorer(model);
        this.threshold = next.weightFor(matchProbability);
        this.scorer = next;
    }

    public MatchModel model() {
        return scorer.model();
    }

    /** Resolves the fan of a channel event; phones without country code are read in {@code defaultRegion}. */
    public Resolution resolve(ChannelEvent event, String defaultRegion) {
        return resolve(EventRecords.from(event, defaultRegion));
    }

    public synchronized Resolution resolve(FanRecord raw) {
        FanId known = store.fanOf(raw.recordId()).orElse(null);
        if (known != null) {
            return new Resolution(raw.recordId(), known, Resolution.Outcome.ALREADY_RESOLVED, List.of(), List.of(),
                    List.of(), List.of());
        }
        MatchRecord record = RecordNormalizer.normalize(raw);
        if (anonymous(record)) {
            return new Resolution(raw.recordId(), null, Resolution.Outcome.ANONYMOUS, List.of(), List.of(), List.of(),
                    List.of());
        }
        List<String> blockingKeys = Blocking.keys(record);
        List<Conflict> conflicts = new ArrayList<>();
        Map<FanId, Link> links = new LinkedHashMap<>();
        Map<FanId, List<MatchRecord>> recordsOf = new HashMap<>();
        linkByKeys(record, links, conflicts, recordsOf);
        linkByScore(record, blockingKeys, links, conflicts, recordsOf);

        List<Link> accepted = compatible(record, links, conflicts, recordsOf);
        if (accepted.isEmpty()) {
            FanId fan = store.newFanId();
            store.add(record, fan, blockingKeys);
            return new Resolution(record.recordId(), fan, Resolution.Outcome.NEW, List.of(), List.of(), List.of(),
                    conflicts);
        }
        Link survivorLink = accepted.stream()
                .max(Comparator.comparingInt((Link l) -> recordsOf.get(l.fan()).size())
                        .thenComparing(l -> l.fan().value(), Comparator.reverseOrder()))
                .orElseThrow();
        FanId survivor = survivorLink.fan();
        List<FanId> mergedAway = new ArrayList<>();
        List<String> mergeIds = new ArrayList<>();
        for (Link link : accepted) {
            if (!link.fan().equals(survivor)) {
                String evidence = "record " + record.recordId() + " " + survivorLink.describe() + "; and "
                        + link.describe();
                mergeIds.add(merger.merge(survivor, link.fan(), record.recordId(), evidence, ENGINE).mergeId());
                mergedAway.add(link.fan());
            }
        }
        store.add(record, survivor, blockingKeys);
        return new Resolution(record.recordId(), survivor,
                mergedAway.isEmpty() ? Resolution.Outcome.JOINED : Resolution.Outcome.MERGED, mergedAway, mergeIds,
                accepted, conflicts);
    }

    /** Merges two fans by hand (a service desk decision); refused when strong evidence conflicts. */
    public synchronized MergeRecord merge(FanId survivor, FanId absorbed, String actor, String reason) {
        String conflict = StrongEvidence.conflict(store.recordsOf(survivor), store.recordsOf(absorbed));
        if (conflict != null) {
            throw new IllegalStateException("fans " + survivor + " and " + absorbed + " have different " + conflict
                    + ": they are not merged");
        }
        return merger.merge(survivor, absorbed, null, reason, actor);
    }

    /** Undoes a merge exactly; the two fans are not merged again automatically afterwards. */
    public synchronized UnmergeRecord unmerge(String mergeId, String actor, String reason) {
        return merger.unmerge(mergeId, actor, reason);
    }

    private void linkByKeys(MatchRecord record, Map<FanId, Link> links, List<Conflict> conflicts,
                            Map<FanId, List<MatchRecord>> recordsOf) {
        for (IdentityKey key : record.keys()) {
            if (key.trust() < KeyType.LINK_TRUST) {
                continue;
            }
            for (FanId fan : store.fansWithKey(key.key())) {
                List<MatchRecord> fanRecords = recordsOf.computeIfAbsent(fan, store::recordsOf);
                String conflict = StrongEvidence.conflict(List.of(record), fanRecords);
                if (conflict != null) {
                    conflicts.add(new Conflict(record.recordId(), fan, null, conflict, "record " + record.recordId()
                            + " shares " + key.type() + " with fan " + fan + " but has a different " + conflict
                            + ": not linked by the shared " + key.type()));
                    continue;
                }
                Link link = Link.deterministic(fan, key);
                Link before = links.get(fan);
                if (before == null || before.trust() < link.trust()) {
                    links.put(fan, link);
                }
            }
        }
    }

    private void linkByScore(MatchRecord record, List<String> blockingKeys, Map<FanId, Link> links,
                             List<Conflict> conflicts, Map<FanId, List<MatchRecord>> recordsOf) {
        Scorer current = scorer;
        double min = threshold;
        Set<String> compared = new HashSet<>();
        Map<FanId, MatchRecord> best = new HashMap<>();
        Map<FanId, Double> bestWeight = new HashMap<>();
        for (String blockingKey : blockingKeys) {
            for (MatchRecord candidate : store.recordsWithBlockingKey(blockingKey, Blocking.BLOCK_LIMIT)) {
                if (!compared.add(candidate.recordId())) {
                    continue;
                }
                FanId fan = store.fanOf(candidate.recordId()).orElseThrow();
                Link known = links.get(fan);
                if (known != null && known.kind() == Link.Kind.DETERMINISTIC) {
                    continue;
                }
                double weight = current.weightAtLeast(record, candidate, min);
                if (weight >= min && weight > bestWeight.getOrDefault(fan, Double.NEGATIVE_INFINITY)) {
                    best.put(fan, candidate);
                    bestWeight.put(fan, weight);
                }
            }
        }
        for (Map.Entry<FanId, MatchRecord> e : best.entrySet()) {
            FanId fan = e.getKey();
            List<MatchRecord> fanRecords = recordsOf.computeIfAbsent(fan, store::recordsOf);
            String conflict = StrongEvidence.verifiedConflict(List.of(record), fanRecords);
            if (conflict != null) {
                conflicts.add(new Conflict(record.recordId(), fan, null, conflict, "record " + record.recordId()
                        + " matches fan " + fan + " but a verified " + conflict + " differs: not linked"));
                continue;
            }
            MatchExplanation explanation = current.explain(record, e.getValue());
            links.put(fan, Link.probabilistic(fan, explanation));
        }
    }

    /** The links that can be merged together, strongest first; the rest become conflicts. */
    private List<Link> compatible(MatchRecord record, Map<FanId, Link> links, List<Conflict> conflicts,
                                  Map<FanId, List<MatchRecord>> recordsOf) {
        List<Link> ordered = new ArrayList<>(links.values());
        ordered.sort(Comparator.comparingDouble(Link::strength).reversed().thenComparing(l -> l.fan().value()));
        List<Link> accepted = new ArrayList<>();
        for (Link link : ordered) {
            List<MatchRecord> mine = recordsOf.computeIfAbsent(link.fan(), store::recordsOf);
            Conflict refused = null;
            for (Link other : accepted) {
                List<MatchRecord> theirs = recordsOf.get(other.fan());
                String conflict = link.kind() == Link.Kind.DETERMINISTIC && other.kind() == Link.Kind.DETERMINISTIC
                        ? StrongEvidence.conflict(mine, theirs) : StrongEvidence.verifiedConflict(mine, theirs);
                if (conflict == null && merger.separated(link.fan(), other.fan())) {
                    conflict = "UNMERGED";
                }
                if (conflict != null) {
                    refused = new Conflict(record.recordId(), link.fan(), other.fan(), conflict, "record "
                            + record.recordId() + " links fans " + other.fan() + " and " + link.fan() + " but "
                            + ("UNMERGED".equals(conflict) ? "they were unmerged before"
                            : "they have different " + conflict) + ": not merged; it joins " + other.fan());
                    break;
                }
            }
            if (refused == null) {
                accepted.add(link);
            } else {
                conflicts.add(refused);
            }
        }
        return accepted;
    }

    private static boolean anonymous(MatchRecord r) {
        return r.keys().isEmpty() && r.givenName() == null && r.surname() == null && r.birthDate() == null;
    }
}
