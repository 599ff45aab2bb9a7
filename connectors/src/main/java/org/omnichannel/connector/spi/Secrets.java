package org.omnichannel.connector.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A channel's secrets by name ("webhookSecret", "publicKey", "apiV3Key"...). Values are never
 * printed: {@link #toString()} lists names only.
 */
public final class Secrets {

    private final String channelId;
    private final Map<String, String> values;

    private Secrets(String channelId, Map<String, String> values) {
        this.channelId = channelId;
        this.values = Map.copyOf(values);
    }

    public static Secrets none() {
        return new Secrets("?", Map.of());
    }

    public static Secrets of(String channelId, Map<String, String> values) {
        return new Secrets(channelId, new HashMap<>(values));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    /** A required secret; the message says how to provide it, never a value. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("channel '" + channelId + "' has no secret '"
                + name + "': set it with secrets: " + name + ": env:VARIABLE or file:/path in the channels file"));
    }

    @Override
    public String toString() {
        return "Secrets" + values.keySet();
    }
}
