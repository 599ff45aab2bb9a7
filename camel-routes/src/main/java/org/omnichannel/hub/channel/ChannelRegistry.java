package org.omnichannel.hub.channel;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.Secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The enabled channels with their secrets resolved and their connector found: what the routes
 * look a request's channel up in. Built once at start-up; every secret that cannot be resolved is
 * reported then, not on the first webhook.
 */
public final class ChannelRegistry {

    /** A channel ready to serve: its definition, its context for the connector, the connector. */
    public record Channel(ChannelDefinition definition, ChannelContext context, Connector connector) {

        public String id() {
            return definition.id();
        }
    }

    private final Map<String, Channel> byId;

    private ChannelRegistry(Map<String, Channel> byId) {
        this.byId = byId;
    }

    public static ChannelRegistry empty() {
        return new ChannelRegistry(Map.of());
    }

    /**
     * @param label       the channels file, for messages
     * @param environment looks up environment variables
     * @throws ChannelsFileException listing every secret that cannot be resolved, with its line
     */
    public static ChannelRegistry create(String label, List<ChannelDefinition> definitions, Connectors connectors,
                                         Function<String, String> environment) {
        Map<String, Channel> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ChannelDefinition definition : definitions) {
            if (!definition.enabled()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            definition.secrets().forEach((name, reference) -> {
                try {
                    values.put(name, reference.resolve(environment));
                } catch (IllegalStateException e) {
                    problems.add("line " + definition.line() + ": channel '" + definition.id() + "': secret '" + name
                            + "' (" + reference + "): " + e.getMessage());
                }
            });
            Map<String, String> settings = new HashMap<>(definition.settings());
            putIfPresent(settings, "productStoreId", definition.productStoreId());
            putIfPresent(settings, "facilityId", definition.facilityId());
            putIfPresent(settings, "salesChannel", definition.salesChannel());
            ChannelContext context = new ChannelContext(definition.id(), definition.kind(), definition.system(), settings,
                    Secrets.of(definition.id(), values));
            byId.put(definition.id(), new Channel(definition, context, connectors.require(definition.system())));
        }
        if (!problems.isEmpty()) {
            throw new ChannelsFileException(label, problems);
        }
        return new ChannelRegistry(Map.copyOf(byId));
    }

    private static void putIfPresent(Map<String, String> settings, String key, String value) {
        if (value != null) {
            settings.putIfAbsent(key, value);
        }
    }

    public Optional<Channel> find(String channelId) {
        return Optional.ofNullable(byId.get(channelId));
    }

    public Channel require(String channelId) {
        return find(channelId).orElseThrow(() -> new IllegalArgumentException("no enabled channel '" + channelId
                + "': add it to the channels file, or set enabled: true"));
    }

    public Collection<Channel> channels() {
        return byId.values();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
