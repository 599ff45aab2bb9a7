package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.FanProfilePayload;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fan insight engine: keeps each fan's timeline, value index and lifecycle stage, updated
 * incrementally as events arrive (one event touches only its fan, in O(1) for in-order events),
 * and feeds every offline order to the anonymous-order KPI.
 *
 * <p>Thread-safe: each fan is guarded by its own lock. Identity resolution is the caller's: events
 * come with the fan id they were resolved to ({@link FanEvent}); when resolution later finds two
 * fans are one person the caller says so with {@link #merge}.
 */
public final class FanInsightEngine {

    private final ValueIndexSettings settings;
    private final ValueIndexCalculator calculator;
    private final LifecycleRules lifecycle;
    private final ConcurrentHashMap<String, FanState> fans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> mergedInto = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final AnonymousOrderTracker anonymousOrders = new AnonymousOrderTracker();

    public FanInsightEngine(ValueIndexSettings settings, LifecycleSettings lifecycle) {
        if (settings == null || lifecycle == null) {
            throw new IllegalArgumentException("value index and lifecycle settings are required");
        }
        this.settings = settings;
        this.calculator = new ValueIndexCalculator(settings);
        this.lifecycle = new LifecycleRules(lifecycle);
    }

    /** An engine with the documented default settings. */
    public static FanInsightEngine withDefaults() {
        return new FanInsightEngine(ValueIndexSettings.defaults(), LifecycleSettings.defaults());
    }

    /**
     * Takes one event into account: appends it to its fan's timeline (once per event id), updates
     * the fan's index and stage as of the event (or later, if the fan was evaluated later), and
     * counts offline orders for the anonymous-order KPI.
     */
    public RecordOutcome record(FanEvent fanEvent) {
        if (fanEvent == null) {
            throw new IllegalArgumentException("fanEvent is required");
        }
        ChannelEvent event = fanEvent.event();
        anonymousOrders.accept(fanEvent);
        Optional<TimelineEntry> entry = TimelineEntry.of(event);
        if (entry.isEmpty()) {
            return RecordOutcome.NOT_FAN_ACTIVITY;
        }
        if (fanEvent.isAnonymous()) {
            return RecordOutcome.ANONYMOUS;
        }
        String fanId = current(fanEvent.fanId());
        if (erased.contains(fanId)) {
            return RecordOutcome.FAN_ERASED;
        }
        FanState state = fans.computeIfAbsent(fanId, id -> new FanState(id, settings));
        synchronized (state) {
            if (!state.timeline.add(entry.get())) {
                return RecordOutcome.DUPLICATE;
            }
            state.aggregate.add(entry.get());
            absorbProfile(state, event);
            Instant asOf = state.evaluatedAt == null || event.occurredAt().isAfter(state.evaluatedAt)
                    ? event.occurredAt() : state.evaluatedAt;
            evaluate(state, asOf, event.eventId(), null);
        }
        return RecordOutcome.RECORDED;
    }

    private static void absorbProfile(FanState state, ChannelEvent event) {
        state.identities.addAll(event.identities());
        if (event.person() != null && (state.personAt == null || !event.occurredAt().isBefore(state.personAt))) {
            state.person = event.person();
            state.personAt = event.occurredAt();
        }
        if (event.payload() instanceof FanProfilePayload profile) {
            state.consents.record(event.channelId(), profile.consents(), event.occurredAt());
            state.tags.addAll(profile.tags());
        }
    }

    /** Recomputes index and stage as of an instant, recording a transition when the stage changed. */
    private ValueIndex evaluate(FanState state, Instant asOf, String eventId, String because) {
        ValueIndex index = calculator.index(state.aggregate, asOf);
        LifecycleStage stage = lifecycle.stage(state.aggregate, index, asOf);
        if (stage != state.stage) {
            String reason = lifecycle.explain(stage, state.aggregate, index, asOf);
            LifecycleTransition t = new LifecycleTransition(state.stage, stage, asOf,
                    because == null ? reason : reason + "; " + because, eventId);
            state.transition = t;
            state.history.add(t);
            state.stage = stage;
        }
        state.everIronFan |= stage == LifecycleStage.IRON_FAN;
        state.evaluatedAt = asOf;
        return index;
    }

    /**
     * The fan's insight as of an instant. Time passing can move a fan (to AT_RISK, LAPSED): when
     * {@code asOf} is not before the fan's last evaluation, such a move is recorded as a transition.
     */
    public Optional<FanInsight> insight(String fanId, Instant asOf) {
        return read(fanId, asOf, state -> snapshot(state, asOf));
    }

    /** Reads one fan's state under its lock; empty for an unknown fan. */
    private <T> Optional<T> read(String fanId, Instant asOf, java.util.function.Function<FanState, T> reader) {
        requireText(fanId, "fanId");
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        FanState state = fans.get(current(fanId));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(reader.apply(state));
        }
    }

    FanInsight snapshot(FanState state, Instant asOf) {
        ValueIndex index;
        LifecycleStage stage;
        LifecycleTransition transition;
        if (state.evaluatedAt == null || !asOf.isBefore(state.evaluatedAt)) {
            index = evaluate(state, asOf, null, null);
            stage = state.stage;
            transition = state.transition;
        } else {
            index = calculator.index(state.aggregate, asOf);
            stage = lifecycle.stage(state.aggregate, index, asOf);
            transition = stage == state.stage ? state.transition : null;
        }
        FanAggregate a = state.aggregate;
        return new FanInsight(state.fanId, index, stage, transition, state.everIronFan, a.orders(), a.interactions(),
                a.channelKinds(), a.channels(), a.lastActivity(), a.netSpendMinor());
    }

    /** What next-best-action reads about the fan as of an instant: insight, timeline, consents. */
    public Optional<FanView> view(String fanId, Instant asOf) {
        return read(fanId, asOf,
                state -> new FanView(snapshot(state, asOf), state.timeline.all(), state.consents.all()));
    }

    /** The fan's timeline entries with from ≤ occurredAt < to (null = open end), all channels. */
    public List<TimelineEntry> timeline(String fanId, Instant from, Instant to) {
        return timeline(fanId, from, to, Set.of(ChannelKind.values()));
    }

    /** The fan's timeline entries with from ≤ occurredAt < to on channels of the given kinds. */
    public List<TimelineEntry> timeline(String fanId, Instant from, Instant to, Set<ChannelKind> kinds) {
        requireText(fanId, "fanId");
        FanState state = fans.get(current(fanId));
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            return state.timeline.between(from, to, e -> kinds.contains(e.channelKind()));
        }
    }

    /** Every lifecycle transition of the fan, oldest first. */
    public List<LifecycleTransition> transitions(String fanId) {
        FanState state = fans.get(current(requireText(fanId, "fanId")));
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            return List.copyOf(state.history);
        }
    }

    /** The fan's consents, per channel and purpose. */
    public List<Consent> consents(String fanId) {
        FanState state = fans.get(current(requireText(fanId, "fanId")));
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            return state.consents.all();
        }
    }

    /**
     * Identity resolution found that {@code mergedId} is the same person as {@code survivorId}:
     * the timelines combine (each event once), consents and identities join, the index and stage
     * are recomputed from the combined timeline, and later events for {@code mergedId} go to the
     * survivor.
     */
    public FanInsight merge(String survivorId, String mergedId, Instant asOf) {
        requireText(survivorId, "survivorId");
        requireText(mergedId, "mergedId");
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        String survivorKey = current(survivorId);
        String mergedKey = current(mergedId);
        if (survivorKey.equals(mergedKey)) {
            throw new IllegalArgumentException("cannot merge fan " + mergedId + " into " + survivorId
                    + ": they are already one fan (" + survivorKey + ")");
        }
        if (erased.contains(survivorKey) || erased.contains(mergedKey)) {
            throw new IllegalArgumentException("cannot merge fans " + survivorId + " and " + mergedId
                    + ": one of them was erased");
        }
        if (!fans.containsKey(mergedKey)) {
            throw new IllegalArgumentException("cannot merge fan " + mergedId + " into " + survivorId
                    + ": the engine has no fan " + mergedId);
        }
        // Redirect first, so that an event for the merged fan arriving meanwhile goes to the survivor.
        mergedInto.put(mergedKey, survivorKey);
        FanState merged = fans.remove(mergedKey);
        if (merged == null) {
            throw new IllegalStateException("fan " + mergedId + " was merged by another request meanwhile");
        }
        FanState survivor = fans.computeIfAbsent(survivorKey, id -> new FanState(id, settings));
        synchronized (survivor) {
            synchronized (merged) {
                for (TimelineEntry entry : merged.timeline.all()) {
                    survivor.timeline.add(entry);
                }
                survivor.aggregate = FanAggregate.of(survivor.timeline.all(), settings);
                survivor.consents.addAll(merged.consents);
                survivor.identities.addAll(merged.identities);
                survivor.tags.addAll(merged.tags);
                if (merged.person != null && (survivor.personAt == null || merged.personAt.isAfter(survivor.personAt))) {
                    survivor.person = merged.person;
                    survivor.personAt = merged.personAt;
                }
                survivor.everIronFan |= merged.everIronFan;
                Instant at = latest(asOf, survivor.evaluatedAt, merged.evaluatedAt);
                evaluate(survivor, at, null, "merged with fan " + mergedId);
                return snapshot(survivor, at);
            }
        }
    }

    /**
     * Full recompute: rebuilds every fan's aggregate from its timeline and re-evaluates index and
     * stage as of {@code asOf}. Returns the number of fans.
     */
    public int recomputeAll(Instant asOf) {
        int n = 0;
        for (FanState state : fans.values()) {
            synchronized (state) {
                state.aggregate = FanAggregate.of(state.timeline.all(), settings);
                evaluate(state, latest(asOf, state.evaluatedAt, null), null, null);
            }
            n++;
        }
        return n;
    }

    /** The anonymous-order-rate KPI over every offline order this engine has seen. */
    public AnonymousOrderTracker anonymousOrders() {
        return anonymousOrders;
    }

    /** The ids of the fans the engine knows (erased fans appear under their pseudonym). */
    public Set<String> fanIds() {
        return Set.copyOf(fans.keySet());
    }

    public int fanCount() {
        return fans.size();
    }

    public ValueIndexSettings settings() {
        return settings;
    }

    LifecycleRules lifecycleRules() {
        return lifecycle;
    }

    /** The fan's state, following merges; null if unknown. Callers lock it. */
    FanState state(String fanId) {
        return fans.get(current(fanId));
    }

    Collection<FanState> states() {
        return fans.values();
    }

    boolean isErased(String fanId) {
        return erased.contains(current(fanId));
    }

    /** Forgets the fan under its id (erasure); from now on events for it are refused. */
    FanState forget(String fanId) {
        String key = current(fanId);
        erased.add(key);
        mergedInto.forEach((from, to) -> {
            if (current(to).equals(key)) {
                erased.add(from);
            }
        });
        return fans.remove(key);
    }

    /** Re-keys a state under a pseudonym (erasure keeps the aggregates, not the fan's id). */
    void adopt(String pseudonym, FanState state) {
        fans.put(pseudonym, state);
    }

    /** Follows merges: the fan id events for {@code fanId} now belong to. */
    private String current(String fanId) {
        String id = fanId;
        for (int hops = 0; hops < 64; hops++) {
            String next = mergedInto.get(id);
            if (next == null) {
                return id;
            }
            id = next;
        }
        throw new IllegalStateException("merge chain of fan " + fanId + " is longer than 64 hops");
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant m = a;
        if (b != null && b.isAfter(m)) {
            m = b;
        }
        if (c != null && c.isAfter(m)) {
            m = c;
        }
        return m;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
