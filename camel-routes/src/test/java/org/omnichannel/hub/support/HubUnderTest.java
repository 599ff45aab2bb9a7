package org.omnichannel.hub.support;

import org.omnichannel.hub.Hub;
import org.omnichannel.hub.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real hub (Camel Main, Vert.x server, embedded KRaft broker) started in this JVM on free ports. */
public final class HubUnderTest implements AutoCloseable {

    private final Hub hub;
    private final int httpPort;
    private final int managementPort;

    private HubUnderTest(Hub hub, int httpPort, int managementPort) {
        this.hub = hub;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts a hub with its data under {@code dir} and the given extra properties. */
    public static HubUnderTest start(Path dir, Map<String, String> properties) {
        int port = LoopbackPorts.free();
        int managementPort = LoopbackPorts.free();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("camel.management.port", String.valueOf(managementPort));
        all.put("camel.management.host", "127.0.0.1");
        all.put("camel.server.port", String.valueOf(port));
        all.put("camel.server.host", "127.0.0.1");
        all.put("omni.data.dir", dir.resolve("data").toString());
        all.put("omni.kafka.embeddedPort", "0");
        all.put("omni.kafka.partitions", "2");
        all.put("omni.channels.file", dir.resolve("channels.yaml").toString());
        all.putAll(properties);
        Hub hub = Hub.create();
        all.forEach(hub.main()::addOverrideProperty);
        hub.startInBackground("hub-under-test", Duration.ofSeconds(120));
        return new HubUnderTest(hub, port, managementPort);
    }

    public static void writeChannels(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve("channels.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Hub hub() {
        return hub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The management server: /observe/health, /observe/metrics. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String bootstrapServers() {
        return hub.bootstrapServers();
    }

    public boolean isStopped() {
        return hub.isStopped();
    }

    @Override
    public void close() throws InterruptedException {
        hub.stop(Duration.ofSeconds(60));
    }
}
