package org.omnichannel.hub.outbound;

import org.apache.camel.spi.PropertiesComponent;

import java.time.Duration;

/**
 * How the hub reads OFBiz's outbox and pushes to the channels ({@code omni.outbox.*}, {@code omni.outbound.*}).
 *
 * @param enabled         false: neither the outbox poller nor the pusher runs
 * @param pollInterval    the wait between outbox reads that found nothing new
 * @param pollLimit       entries asked for per outboxRead (the contract's example uses 200)
 * @param outboxGroupId   the consumer group whose single member polls the outbox (the leader among N hubs)
 * @param pushGroupId     the consumer group the hubs share to push omni.outbound
 * @param batchSize       records per pushed batch
 * @param coalesceWindow  how long a batch collects records after the first, so levels of one SKU coalesce
 * @param initialBackoff  first wait after a failure (OFBiz down, vendor 5xx or I/O), doubled each time
 * @param maxBackoff      the ceiling of that wait
 * @param requestTimeout  a vendor request's time limit
 * @param giveUpAfter     a message still unconfirmed after this long (vendor down, throttling) goes to
 *                        omni.outbound.dlq, so one channel's outage does not hold the others back for ever
 */
public record OutboundSettings(boolean enabled, Duration pollInterval, int pollLimit, String outboxGroupId,
                               String pushGroupId, int batchSize, Duration coalesceWindow, Duration initialBackoff,
                               Duration maxBackoff, Duration requestTimeout, Duration giveUpAfter) {

    public OutboundSettings {
        if (pollLimit < 1 || pollLimit > 1000) {
            throw new IllegalStateException("omni.outbox.limit is " + pollLimit + ": set it between 1 and 1000");
        }
        if (batchSize < 1) {
            throw new IllegalStateException("omni.outbound.batchSize is " + batchSize + ": set it to 1 or more");
        }
    }

    public static OutboundSettings from(PropertiesComponent props) {
        return new OutboundSettings(
                Boolean.parseBoolean(get(props, "omni.outbound.enabled", "true")),
                millis(props, "omni.outbox.pollIntervalMs", "2000"),
                integer(props, "omni.outbox.limit", "200"),
                get(props, "omni.outbox.groupId", "omni-hub-outbox"),
                get(props, "omni.outbound.groupId", "omni-hub-outbound"),
                integer(props, "omni.outbound.batchSize", "500"),
                millis(props, "omni.outbound.coalesceMs", "250"),
                millis(props, "omni.outbound.initialBackoffMs", "500"),
                millis(props, "omni.outbound.maxBackoffMs", "60000"),
                millis(props, "omni.outbound.timeoutMs", "30000"),
                millis(props, "omni.outbound.giveUpAfterMs", "600000"));
    }

    private static Duration millis(PropertiesComponent props, String key, String fallback) {
        return Duration.ofMillis(integer(props, key, fallback));
    }

    private static int integer(PropertiesComponent props, String key, String fallback) {
        String value = get(props, key, fallback);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " is '" + value + "': set it to a whole number", e);
        }
    }

    private static String get(PropertiesComponent props, String key, String fallback) {
        return props.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
    }
}
