package org.omnichannel.hub.fetch;

import org.apache.camel.spi.PropertiesComponent;

import java.time.Duration;

/**
 * The fetch consumer's settings (application.properties): {@code omni.fetch.groupId} (omni-hub-fetch, shared
 * by all hubs), {@code omni.fetch.workers} (2 consumers per hub), {@code omni.fetch.initialBackoffMs} (1000)
 * and {@code omni.fetch.maxBackoffMs} (60000) for retryable failures the vendor gave no wait for.
 */
public record FetchSettings(String groupId, int workers, Duration initialBackoff, Duration maxBackoff) {

    public static FetchSettings from(PropertiesComponent props) {
        return new FetchSettings(get(props, "omni.fetch.groupId", "omni-hub-fetch"),
                Integer.parseInt(get(props, "omni.fetch.workers", "2")),
                Duration.ofMillis(Long.parseLong(get(props, "omni.fetch.initialBackoffMs", "1000"))),
                Duration.ofMillis(Long.parseLong(get(props, "omni.fetch.maxBackoffMs", "60000"))));
    }

    private static String get(PropertiesComponent props, String key, String fallback) {
        return props.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
    }
}
