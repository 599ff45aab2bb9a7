package org.omnichannel.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.omnichannel.hub.kafka.EmbeddedKafkaBroker;

import java.nio.file.Path;

/**
 * The hub's own settings, read once from Camel's properties (application.properties, then
 * config/application.properties, environment variables and arguments override them).
 *
 * @param channelsFile       the channels file; when it does not exist the demo channel is served
 * @param kafkaBootstrap     an external cluster, or blank for the embedded broker
 * @param kafkaDataDir       the embedded broker's data directory
 * @param kafkaPort          the embedded broker's client port (0 picks a free one)
 * @param kafkaFlushIntervalMs the embedded broker forces its log to disk on every write (0) or within this many ms
 * @param kafkaPartitions    partitions of the topics the hub creates
 * @param replicationFactor  replication of the topics the hub creates (0: 1 embedded, 3 external)
 * @param dataDir            the hub's data directory (demo secret, outbox cursor...)
 * @param publicBaseUrl      the hub's URL as vendors call it, or blank
 * @param httpPort           the port webhooks arrive on
 * @param demo               whether to serve the demo channel when no channels file exists
 * @param maxBodyBytes       webhook bodies over this size are answered 413
 * @param httpEventLoops     Vert.x event loops serving the webhook port (see {@code HttpEventLoops}); 0 configured = one per core
 */
public record HubSettings(Path channelsFile, String kafkaBootstrap, Path kafkaDataDir, int kafkaPort, long kafkaFlushIntervalMs,
                          int kafkaPartitions, short replicationFactor, Path dataDir, String publicBaseUrl,
                          int httpPort, boolean demo, long maxBodyBytes, int httpEventLoops) {

    public static HubSettings from(CamelContext context) {
        PropertiesComponent props = context.getPropertiesComponent();
        Path dataDir = Path.of(get(props, "omni.data.dir", "data"));
        String kafkaDir = get(props, "omni.kafka.dataDir", "");
        return new HubSettings(
                Path.of(get(props, "omni.channels.file", "config/channels.yaml")),
                get(props, "omni.kafka.bootstrapServers", ""),
                kafkaDir.isBlank() ? dataDir.resolve("kafka") : Path.of(kafkaDir),
                Integer.parseInt(get(props, "omni.kafka.embeddedPort", "19092")),
                Long.parseLong(get(props, "omni.kafka.embedded.flushIntervalMs",
                        String.valueOf(EmbeddedKafkaBroker.DEFAULT_FLUSH_INTERVAL_MS))),
                Integer.parseInt(get(props, "omni.kafka.partitions", "4")),
                Short.parseShort(get(props, "omni.kafka.replicationFactor", "0")),
                dataDir,
                get(props, "omni.public.baseUrl", ""),
                Integer.parseInt(get(props, "camel.server.port", "8080")),
                Boolean.parseBoolean(get(props, "omni.demo.enabled", "true")),
                Long.parseLong(get(props, "camel.server.maxBodySize", "1048576")),
                eventLoops(Integer.parseInt(get(props, "omni.http.eventLoops", "0"))));
    }

    private static int eventLoops(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap == null || kafkaBootstrap.isBlank();
    }

    public short effectiveReplicationFactor() {
        return replicationFactor > 0 ? replicationFactor : (short) (embeddedKafka() ? 1 : 3);
    }

    private static String get(PropertiesComponent props, String key, String fallback) {
        return props.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
