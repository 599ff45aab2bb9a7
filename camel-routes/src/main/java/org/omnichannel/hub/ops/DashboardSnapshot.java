package org.omnichannel.hub.ops;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dashboard shows at one moment, as served at {@code /observe/dashboard.json}: the
 * channels with their route state and counts, the delivery lag, the dead-letter depths and the
 * readiness checks. Counts and states only: no payloads, identities, secrets or addresses.
 *
 * @param generatedAt   when the snapshot was taken (ISO-8601, UTC)
 * @param uptimeSeconds how long this hub has been running
 * @param ready         whether every readiness check is UP
 * @param checks        the readiness checks, in id order
 * @param delivery      the delivery to OFBiz
 * @param deadLetters   the depth of each dead-letter topic
 * @param channels      every channel of the channels file, enabled or not, in file order
 */
public record DashboardSnapshot(String generatedAt, long uptimeSeconds, boolean ready, List<Check> checks,
                                Delivery delivery, List<DeadLetters> deadLetters, List<ChannelRow> channels) {

    public DashboardSnapshot {
        checks = List.copyOf(checks);
        deadLetters = List.copyOf(deadLetters);
        channels = List.copyOf(channels);
    }

    /** One readiness check: its id (e.g. {@code omni/kafka}), UP/DOWN/UNKNOWN and its message, if any. */
    public record Check(String id, String state, String message) {
    }

    /**
     * The delivery to OFBiz.
     *
     * @param enabled                   false while {@code omni.ofbiz.baseUrl} is empty
     * @param lag                       events on omni.inbound the delivery group has not committed; null until known
     * @param secondsSinceLastDelivery  since OFBiz last confirmed a batch; null when delivery is off
     * @param credentialsAccepted       false while OFBiz refuses the hub's credentials
     */
    public record Delivery(boolean enabled, Long lag, Long secondsSinceLastDelivery, boolean credentialsAccepted) {
    }

    /** A dead-letter topic and how many records it holds; depth null until known. */
    public record DeadLetters(String topic, Long depth) {
    }

    /**
     * One channel of the channels file.
     *
     * @param route         the state of its ingress route (Started, Stopped...), or "none" when disabled
     * @param received      webhooks verified, mapped and queued
     * @param queued        events those webhooks carried
     * @param rejected      webhooks refused, all reasons together
     * @param rejectedBy    webhooks refused by reason (signature, payload, media-type, too-large...)
     * @param delivered     events OFBiz accepted (first time or as a duplicate)
     * @param deadLettered  events OFBiz rejected, sent to the dead-letter topic
     */
    public record ChannelRow(String id, String system, String kind, boolean enabled, String route, long received,
                             long queued, long rejected, Map<String, Long> rejectedBy, long delivered,
                             long deadLettered) {

        public ChannelRow {
            rejectedBy = Collections.unmodifiableMap(new TreeMap<>(rejectedBy));
        }
    }
}
