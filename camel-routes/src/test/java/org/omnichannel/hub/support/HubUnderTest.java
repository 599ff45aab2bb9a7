package org.omnichannel.hub.support;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.omnichannel.hub.Hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A real hub (Camel Main, Vert.x server, embedded KRaft broker) started in this JVM on free ports. */
public final class HubUnderTest implements AutoCloseable {

    private final Hub hub;
    private final Thread runner;
    private final int httpPort;
    private final int managementPort;

    private HubUnderTest(Hub hub, Thread runner, int httpPort, int managementPort) {
        this.hub = hub;
        this.runner = runner;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts a hub with its data under {@code dir} and the given extra properties. */
    public static HubUnderTest start(Path dir, Map<String, String> properties) {
        int port = freePort();
        int managementPort = freePort();
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
        CountDownLatch started = new CountDownLatch(1);
        hub.main().addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                started.countDown();
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                hub.run(new String[0]);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                started.countDown();
            }
        }, "hub-under-test");
        runner.start();
        try {
            if (!started.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("hub did not start within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("hub failed to start: " + failure.get().getMessage(), failure.get());
        }
        return new HubUnderTest(hub, runner, port, managementPort);
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
        return !runner.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        hub.main().completed();
        runner.join(TimeUnit.SECONDS.toMillis(60));
        if (runner.isAlive()) {
            throw new IllegalStateException("hub did not stop within 60 s");
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
