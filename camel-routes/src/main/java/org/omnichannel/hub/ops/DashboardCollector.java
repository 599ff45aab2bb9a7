package org.omnichannel.hub.ops;

import io.micrometer.core.instrument.Gauge;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.omnichannel.hub.channel.ChannelDefinition;
import org.omnichannel.hub.delivery.OfbizDelivery;
import org.omnichannel.hub.kafka.HubTopics;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Takes a {@link DashboardSnapshot} from what the hub already keeps: the channels file's
 * definitions, Camel's route states and readiness checks, the hub's own meters (counts per
 * channel, and the delivery lag and dead-letter depths {@link KafkaGauges} reads from Kafka) and
 * the delivery's state. Reads only; nothing here talks to Kafka itself.
 */
public final class DashboardCollector {

    /** The meters {@link HubMetrics} and {@link KafkaGauges} write. */
    static final String RECEIVED = "omni.webhooks.received";
    static final String REJECTED = "omni.webhooks.rejected";
    static final String QUEUED = "omni.events.queued";
    static final String DELIVERED = "omni.events.delivered";
    static final String LAG = "omni.delivery.lag";
    static final String DLQ_DEPTH = "omni.dlq.depth";

    private final CamelContext context;
    private final List<ChannelDefinition> channels;
    private final HubMetrics metrics;
    private final OfbizDelivery delivery;
    private final Clock clock;

    /**
     * @param channels every channel of the channels file, enabled or not
     * @param delivery the delivery to OFBiz, or null when it is off
     */
    public DashboardCollector(CamelContext context, List<ChannelDefinition> channels, HubMetrics metrics,
                              OfbizDelivery delivery, Clock clock) {
        this.context = context;
        this.channels = List.copyOf(channels);
        this.metrics = metrics;
        this.delivery = delivery;
        this.clock = clock;
    }

    public DashboardSnapshot snapshot() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        List<DashboardSnapshot.Check> checks = results.stream()
                .map(result -> new DashboardSnapshot.Check(checkId(result.getCheck()), result.getState().name(),
                        result.getMessage().orElse(null)))
                .sorted(Comparator.comparing(DashboardSnapshot.Check::id))
                .toList();
        boolean ready = results.stream().allMatch(result -> result.getState() == HealthCheck.State.UP);
        DashboardSnapshot.Delivery deliveryState = delivery == null
                ? new DashboardSnapshot.Delivery(false, null, null, true)
                : new DashboardSnapshot.Delivery(true, gauge(LAG, null), delivery.secondsSinceLastDelivery(),
                        delivery.credentialsAccepted());
        List<DashboardSnapshot.DeadLetters> deadLetters = List.of(HubTopics.INBOUND_DLQ, HubTopics.OUTBOUND_DLQ).stream()
                .map(topic -> new DashboardSnapshot.DeadLetters(topic, gauge(DLQ_DEPTH, topic)))
                .toList();
        List<DashboardSnapshot.ChannelRow> rows = channels.stream().map(this::row).toList();
        return new DashboardSnapshot(clock.instant().toString(), context.getUptime().toSeconds(), ready, checks,
                deliveryState, deadLetters, rows);
    }

    private DashboardSnapshot.ChannelRow row(ChannelDefinition channel) {
        String id = channel.id();
        ServiceStatus status = channel.enabled() ? context.getRouteController().getRouteStatus("webhook-" + id) : null;
        Map<String, Long> rejectedBy = metrics.countsByOutcome(REJECTED, id);
        Map<String, Long> delivered = metrics.countsByOutcome(DELIVERED, id);
        return new DashboardSnapshot.ChannelRow(id, channel.system(), channel.kind().name(), channel.enabled(),
                status == null ? "none" : status.name(),
                sum(metrics.countsByOutcome(RECEIVED, id)), sum(metrics.countsByOutcome(QUEUED, id)),
                sum(rejectedBy), rejectedBy,
                delivered.getOrDefault("ACCEPTED", 0L) + delivered.getOrDefault("DUPLICATE", 0L),
                delivered.getOrDefault("REJECTED", 0L));
    }

    /** A gauge's value; null while it is absent or not yet read from Kafka (negative). */
    private Long gauge(String name, String topic) {
        var search = metrics.registry().find(name);
        Gauge gauge = (topic == null ? search : search.tag("topic", topic)).gauge();
        if (gauge == null || Double.isNaN(gauge.value()) || gauge.value() < 0) {
            return null;
        }
        return Math.round(gauge.value());
    }

    private static String checkId(HealthCheck check) {
        return check.getGroup() == null || check.getGroup().isBlank() ? check.getId() : check.getGroup() + "/" + check.getId();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
