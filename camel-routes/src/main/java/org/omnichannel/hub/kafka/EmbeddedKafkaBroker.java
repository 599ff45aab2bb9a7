package org.omnichannel.hub.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.omnichannel.hub.LoopbackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) inside the hub's
 * JVM, with its log under a data directory so queued events survive a restart. It is the default
 * for one machine: one broker with acks=all is not replicated storage, so production points
 * {@code KAFKA_BOOTSTRAP_SERVERS} at a cluster instead.
 *
 * <p>Durability of an acknowledged write: the broker appends it to its log (the OS page cache)
 * before it acknowledges, so a hub killed or crashed loses nothing. Whether the log is also forced
 * to disk before the acknowledgement is {@code flushIntervalMs}: 0 forces it on every write (an
 * fsync per produce request and partition, which survives a power loss but costs a disk flush per
 * write: a few ms each on ordinary disks); a positive value lets a background flusher force it at
 * most that many ms after the write (Kafka's own model is to leave flushing to the OS and get
 * durability from replication; this bounds what a power loss or kernel crash could take).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** The default of {@code omni.kafka.embedded.flushIntervalMs}. */
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 1000;

    private final Path dataDirectory;
    private final int port;
    private final long flushIntervalMs;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDirectory, int port, long flushIntervalMs) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.flushIntervalMs = flushIntervalMs;
    }

    /**
     * Formats the data directory if it is new, then starts the broker.
     *
     * @param dataDirectory where the log lives (created if missing)
     * @param port          the client port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDirectory, int port) {
        return start(dataDirectory, port, DEFAULT_FLUSH_INTERVAL_MS);
    }

    /**
     * Formats the data directory if it is new, then starts the broker.
     *
     * @param dataDirectory   where the log lives (created if missing)
     * @param port            the client port on 127.0.0.1; 0 picks a free one
     * @param flushIntervalMs 0: force the log to disk before acknowledging each write; otherwise at most
     *                        this many ms after it, in the background (see the class comment)
     */
    public static EmbeddedKafkaBroker start(Path dataDirectory, int port, long flushIntervalMs) {
        if (flushIntervalMs < 0) {
            throw new IllegalArgumentException("omni.kafka.embedded.flushIntervalMs must be 0 (flush every write) or a"
                    + " positive number of ms, not " + flushIntervalMs);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDirectory.toAbsolutePath(), port == 0 ? LoopbackPorts.free() : port,
                flushIntervalMs);
        broker.doStart();
        return broker;
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void doStart() {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dataDirectory
                    + ": check its permissions or set omni.kafka.dataDir", e);
        }
        int controllerPort = LoopbackPorts.free();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDirectory.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "4");
        if (flushIntervalMs == 0) {
            props.put("log.flush.interval.messages", "1");
        } else {
            props.put("log.flush.interval.ms", String.valueOf(flushIntervalMs));
            props.put("log.flush.scheduler.interval.ms", String.valueOf(Math.min(flushIntervalMs, 1000)));
        }
        props.put("log.retention.hours", "168");
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("embedded Kafka broker (KRaft, one node) listening on {}, data in {}, log forced to disk {}", bootstrapServers(),
                dataDirectory, flushIntervalMs == 0 ? "on every write" : "within " + flushIntervalMs + " ms of a write");
    }

    private void format(KafkaConfig config) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dataDirectory + ": " + e.getMessage()
                    + " (delete the directory to start with an empty broker)", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("embedded Kafka broker stopped");
        }
    }
}
