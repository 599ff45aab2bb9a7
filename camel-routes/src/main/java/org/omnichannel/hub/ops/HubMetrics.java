package org.omnichannel.hub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.TreeMap;

/**
 * The hub's own meters, per channel: what was received, refused and delivered. Names follow
 * Micrometer's dotted style; Prometheus shows them as {@code omni_webhooks_received_total...}.
 */
public final class HubMetrics {

    private final MeterRegistry registry;
    /** Registered counters by name, channel and outcome: registering looks the meter up anew on every call. */
    private final ConcurrentMap<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static HubMetrics standalone() {
        return new HubMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A webhook that was verified, mapped and queued. */
    public void received(String channelId, int events) {
        counter("omni.webhooks.received", channelId, "ok").increment();
        counter("omni.events.queued", channelId, "ok").increment(events);
    }

    /** A webhook refused before anything was stored; outcome says why (signature, payload, size...). */
    public void rejected(String channelId, String outcome) {
        counter("omni.webhooks.rejected", channelId, outcome).increment();
    }

    /** Events OFBiz answered, by status (ACCEPTED, DUPLICATE, REJECTED). */
    public void delivered(String channelId, String status) {
        counter("omni.events.delivered", channelId, status).increment();
    }

    /**
     * Outbound messages of a channel by outcome: sent, coalesced (superseded by a newer level, not sent),
     * unsupported (the system cannot take that message), dead-lettered, throttled and retried (attempts).
     */
    public void outbound(String channelId, String outcome, int messages) {
        counter("omni.outbound.messages", channelId, outcome).increment(messages);
    }

    /** Outbox entries read from OFBiz and queued on omni.outbound. */
    public void outboxPublished(int entries) {
        registry.counter("omni.outbox.published").increment(entries);
    }

    public double count(String name, String channelId, String outcome) {
        Counter counter = registry.find(name).tag("channel", channelId).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** One meter's counts for a channel by outcome, e.g. rejected webhooks by reason (for the dashboard). */
    public Map<String, Long> countsByOutcome(String name, String channelId) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(name).tag("channel", channelId).counters()) {
            counts.merge(String.valueOf(counter.getId().getTag("outcome")), Math.round(counter.count()), Long::sum);
        }
        return counts;
    }

    private Counter counter(String name, String channelId, String outcome) {
        return counters.computeIfAbsent(List.of(name, channelId, outcome),
                key -> Counter.builder(name).tag("channel", channelId).tag("outcome", outcome).register(registry));
    }
}
