package org.omnichannel.bench;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.omnichannel.bench.ingress.BenchServer;
import org.omnichannel.bench.ingress.HubServer;
import org.omnichannel.bench.ingress.IngressOptions;
import org.omnichannel.bench.ingress.IngressReport;
import org.omnichannel.bench.ingress.KafkaCounts;
import org.omnichannel.bench.ingress.LoadGenerator;
import org.omnichannel.bench.ingress.NaiveCamelServer;
import org.omnichannel.bench.ingress.OrderWebhook;
import org.omnichannel.bench.ingress.PhaseResult;
import org.omnichannel.bench.ingress.RawVertxServer;
import org.omnichannel.bench.ingress.ServerKind;
import org.omnichannel.bench.ingress.ServerResult;
import org.omnichannel.hub.kafka.EmbeddedKafkaBroker;

import java.io.IOException;
import java.time.Duration;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bin/omni bench ingress [--warmup S] [--warmup-max S] [--duration S] [--connections N] [--rate R] [--servers a,b,c]}:
 * the hub's webhook ingress against the limit and the common choice, in one run, on one embedded
 * single-node KRaft broker, with one load generator and one Shopify-signed order:
 * (a) a raw Vert.x handler with a plain KafkaProducer, (b) a naive Camel route platform-http →
 * kafka, (c) the hub. For each: the maximum sustained req/s (closed loop) and the latency
 * percentiles at a fixed offered rate (open loop, HdrHistogram, from the intended send time).
 * Every answer but 202 is an error, and every 202 must be on Kafka.
 *
 * <p>Each server is warmed up under the closed loop until the JVM's JIT compilers have settled
 * (compiling for less than {@value #SETTLED_SHARE_PERCENT}% of a {@value #WARMUP_CHUNK_SECONDS}-s
 * window), at least {@code --warmup} and at most {@code --warmup-max}: on 2 cores one C2 thread
 * compiles a hub (Camel, Vert.x, Jackson, Kafka's client and broker) for a minute or more, and
 * while it does, it takes a core from the server being measured. A hub runs for weeks; the figures
 * are its steady state, and the warm-up each server needed is printed with them.
 */
public final class IngressBench {

    /** The channel's test secret the order is signed with (a bench value, not a real shop's). */
    static final String SECRET = "bench-shopify-test-secret";

    static final int WARMUP_CHUNK_SECONDS = 5;
    static final int SETTLED_SHARE_PERCENT = 5;

    private IngressBench() {
    }

    public static void main(String[] args) throws Exception {
        IngressOptions options;
        try {
            options = IngressOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Configurator.setRootLevel(Level.WARN);
        IngressReport report = run(options, ConnectorSample.fixtures(), System.out);
        report.print(System.out);
        if (!report.clean()) {
            System.exit(1);
        }
    }

    /** Runs every server of {@code options} in turn, printing progress, and returns the figures. */
    public static IngressReport run(IngressOptions options, Path fixtures, PrintStream progress) throws Exception {
        OrderWebhook order = OrderWebhook.signed(fixtures, SECRET);
        Path dir = Files.createTempDirectory("omni-bench-ingress");
        List<ServerResult> results = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, options.flushIntervalMs());
             LoadGenerator load = new LoadGenerator(order, options.connections())) {
            for (ServerKind kind : options.servers()) {
                progress.printf(Locale.ROOT, "%s: starting%n", kind.label());
                try (BenchServer server = start(kind, broker.bootstrapServers(), dir)) {
                    results.add(measure(server, load, options, progress));
                }
            }
        } finally {
            delete(dir);
        }
        return new IngressReport(options, order.body().length, results);
    }

    private static BenchServer start(ServerKind kind, String bootstrapServers, Path dir) throws Exception {
        return switch (kind) {
            case RAW_VERTX -> {
                KafkaCounts.createTopic(bootstrapServers, "bench.a.orders", 4);
                yield RawVertxServer.start(bootstrapServers, "bench.a.orders");
            }
            case NAIVE_CAMEL -> {
                KafkaCounts.createTopic(bootstrapServers, "bench.b.orders", 4);
                yield NaiveCamelServer.start(bootstrapServers, "bench.b.orders");
            }
            case NO_KAFKA -> RawVertxServer.start(bootstrapServers, null);
            case HUB -> HubServer.start(Files.createDirectories(dir.resolve("hub")), bootstrapServers, SECRET);
        };
    }

    private static ServerResult measure(BenchServer server, LoadGenerator load, IngressOptions options, PrintStream progress)
            throws InterruptedException {
        String label = server.kind().label();
        long warmupStart = System.nanoTime();
        PhaseResult warmup = warmUp(server, load, options);
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        progress.printf(Locale.ROOT, "%s: warmed up for %.0f s, then %d req/s for %.0f s%n", label,
                warmupSeconds, options.rate(), options.duration().toMillis() / 1000.0);
        PhaseResult latency = load.openLoop(server.target(), options.rate(), options.duration());
        progress.printf(Locale.ROOT, "%s: closed loop, %d connections for %.0f s%n", label, options.connections(),
                options.duration().toMillis() / 1000.0);
        PhaseResult throughput = load.closedLoop(server.target(), Duration.ZERO, options.duration());
        long accepted = warmup.allAccepted() + latency.allAccepted() + throughput.allAccepted();
        long errors = warmup.errors() + latency.errors() + throughput.errors();
        PhaseResult withWarmupError = warmup.firstError() == null || latency.firstError() != null ? latency
                : new PhaseResult(latency.accepted(), latency.seconds(), latency.latency(), latency.allAccepted(),
                latency.errors(), warmup.firstError(), latency.cpuNanos(), latency.jitMillis());
        return new ServerResult(server.kind(), warmupSeconds, withWarmupError, throughput, accepted + errors, errors, accepted,
                server.stored());
    }

    /**
     * Closed-loop load for at least {@code --warmup}, then in {@value #WARMUP_CHUNK_SECONDS}-s windows
     * until one in which the JIT compiled for less than {@value #SETTLED_SHARE_PERCENT}% of it, or
     * {@code --warmup-max} is reached. Returns the warm-up's counts (errors count like any other).
     */
    private static PhaseResult warmUp(BenchServer server, LoadGenerator load, IngressOptions options)
            throws InterruptedException {
        Duration first = options.warmup().isZero() ? Duration.ofMillis(100) : options.warmup();
        PhaseResult total = load.closedLoop(server.target(), Duration.ZERO, first);
        Duration spent = first;
        Duration chunk = Duration.ofSeconds(WARMUP_CHUNK_SECONDS);
        while (spent.compareTo(options.warmupMax()) < 0) {
            Duration next = chunk.compareTo(options.warmupMax().minus(spent)) < 0 ? chunk : options.warmupMax().minus(spent);
            PhaseResult more = load.closedLoop(server.target(), Duration.ZERO, next);
            total = total.plus(more);
            spent = spent.plus(next);
            // A JVM that does not report compile time reports 0: warm-up then ends after one more window.
            if (more.jitMillis() * 100 < next.toMillis() * SETTLED_SHARE_PERCENT) {
                break;
            }
        }
        return total;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
