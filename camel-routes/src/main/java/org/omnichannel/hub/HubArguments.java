package org.omnichannel.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's command line: {@code --key=value} sets any property (an {@code omni.*} setting or a
 * {@code camel.*} one) over application.properties and the environment, as in
 * {@code bin/omni hub --omni.kafka.partitions=12 --camel.server.port=9090}; everything else is
 * Camel Main's own options ({@code -d 60}, {@code -h}...).
 *
 * @param properties the {@code --key=value} settings, in order (a later one wins)
 * @param camelArgs  the rest, for Camel Main
 */
public record HubArguments(Map<String, String> properties, List<String> camelArgs) {

    public HubArguments {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        camelArgs = List.copyOf(camelArgs);
    }

    /** Splits the command line; {@code --key} without {@code =value} fails with a message that shows the form. */
    public static HubArguments parse(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> camel = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                camel.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (equals < 0 || key.isBlank()) {
                throw new IllegalArgumentException("'" + arg + "' is not a setting: write --key=value, e.g. "
                        + "--omni.kafka.partitions=12 or --camel.server.port=9090");
            }
            properties.put(key.strip(), arg.substring(equals + 1));
        }
        return new HubArguments(properties, camel);
    }
}
