package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the value index and the lifecycle need to know about one fan, kept up to date one timeline
 * entry at a time in constant time, in any order of arrival: adding the entries of a timeline one
 * by one gives the same aggregate as a full recompute.
 *
 * <p>Frequency, monetary value and engagement are time-decayed sums: an entry at time t counts
 * {@code w * 2^(-(T - t) / halfLife)} at time T. They are stored scaled to a reference instant (the
 * latest entry so far), so that adding an entry and reading the sum at any instant are O(1).
 *
 * <p>Not thread-safe: the engine guards each fan's aggregate.
 */
public final class FanAggregate {

    private final ValueIndexSettings settings;
    private final double lambda;
    private int kindsMask;
    private final Set<String> channels = new HashSet<>(4);
    private long firstActivity = Long.MAX_VALUE;
    private long lastActivity = Long.MIN_VALUE;
    private long firstOrder = Long.MAX_VALUE;
    private int orders;
    private int interactions;
    private long reference = Long.MIN_VALUE;
    private double orderSum;
    private double spendSum;
    private double engagementSum;
    private final Map<String, Long> netSpendMinor = new HashMap<>(2);

    public FanAggregate(ValueIndexSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
        this.lambda = settings.decayPerMilli();
    }

    /** The aggregate of a whole timeline: the full recompute. */
    public static FanAggregate of(Iterable<TimelineEntry> entries, ValueIndexSettings settings) {
        FanAggregate aggregate = new FanAggregate(settings);
        for (TimelineEntry entry : entries) {
            aggregate.add(entry);
        }
        return aggregate;
    }

    /** Takes one entry into account. Entries must be new: the timeline filters duplicates. */
    public void add(TimelineEntry entry) {
        long t = entry.occurredAt().toEpochMilli();
        Activity activity = entry.activity();
        if (activity.isChannelUse()) {
            kindsMask |= 1 << entry.channelKind().ordinal();
            channels.add(entry.channelId());
            firstActivity = Math.min(firstActivity, t);
            lastActivity = Math.max(lastActivity, t);
        }
        switch (activity.role()) {
            case BEHAVIOUR -> {
                interactions++;
                addDecayed(t, 0, 0, settings.points(activity.interaction()));
            }
            case PURCHASE -> {
                if (activity == Activity.ORDER_PLACED) {
                    orders++;
                    firstOrder = Math.min(firstOrder, t);
                    addDecayed(t, 1, spendUnits(entry), 0);
                    addNet(entry, 1);
                }
            }
            case REVERSAL -> {
                if (activity == Activity.ORDER_CANCELLED) {
                    orders--;
                    addDecayed(t, -1, -spendUnits(entry), 0);
                } else {
                    addDecayed(t, 0, -spendUnits(entry), 0);
                }
                addNet(entry, -1);
            }
            case BOOKKEEPING -> {
                // on the timeline, not in the index
            }
        }
    }

    private void addDecayed(long t, double order, double spend, double engagement) {
        if (t > reference) {
            if (reference != Long.MIN_VALUE) {
                double shift = Math.exp(-lambda * (t - reference));
                orderSum *= shift;
                spendSum *= shift;
                engagementSum *= shift;
            }
            reference = t;
            orderSum += order;
            spendSum += spend;
            engagementSum += engagement;
        } else {
            double weight = Math.exp(-lambda * (reference - t));
            orderSum += order * weight;
            spendSum += spend * weight;
            engagementSum += engagement * weight;
        }
    }

    private double spendUnits(TimelineEntry entry) {
        return entry.amount() == null ? 0 : entry.amount().amountMinor() / settings.spendUnitMinor(entry.amount().currency());
    }

    private void addNet(TimelineEntry entry, int sign) {
        if (entry.amount() != null) {
            netSpendMinor.merge(entry.amount().currency(), sign * entry.amount().amountMinor(), Long::sum);
        }
    }

    private double at(double sum, Instant asOf) {
        return reference == Long.MIN_VALUE ? 0 : sum * Math.exp(-lambda * (asOf.toEpochMilli() - reference));
    }

    /** Decayed count of orders (placed minus cancelled) as of an instant. */
    public double decayedOrders(Instant asOf) {
        return at(orderSum, asOf);
    }

    /** Decayed spend, in spend units (see {@link ValueIndexSettings#spendUnitsMinor()}), as of an instant. */
    public double decayedSpend(Instant asOf) {
        return at(spendSum, asOf);
    }

    /** Decayed engagement points as of an instant. */
    public double decayedEngagement(Instant asOf) {
        return at(engagementSum, asOf);
    }

    /** The channel kinds the fan has used (behaviour or purchase). */
    public Set<ChannelKind> channelKinds() {
        EnumSet<ChannelKind> kinds = EnumSet.noneOf(ChannelKind.class);
        for (ChannelKind kind : ChannelKind.values()) {
            if ((kindsMask & (1 << kind.ordinal())) != 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    public int channelKindCount() {
        return Integer.bitCount(kindsMask);
    }

    public Set<String> channels() {
        return Set.copyOf(channels);
    }

    public int channelCount() {
        return channels.size();
    }

    /** The last behaviour or purchase, or null if there was none. */
    public Instant lastActivity() {
        return lastActivity == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastActivity);
    }

    public Instant firstActivity() {
        return firstActivity == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstActivity);
    }

    public Instant firstOrder() {
        return firstOrder == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstOrder);
    }

    /** Orders placed minus orders cancelled, over the fan's whole life. */
    public int orders() {
        return orders;
    }

    /** Non-transaction interactions over the fan's whole life. */
    public int interactions() {
        return interactions;
    }

    /** Orders minus cancellations and refunds, per currency, in minor units, undecayed. */
    public Map<String, Long> netSpendMinor() {
        return Map.copyOf(netSpendMinor);
    }

    ValueIndexSettings settings() {
        return settings;
    }
}
