package org.omnichannel.bench.ingress;

import org.omnichannel.hub.kafka.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code bin/omni bench ingress}.
 *
 * @param warmup      the least closed-loop load before anything is measured, per server
 * @param warmupMax   the most: warm-up goes on past {@code warmup} until the JIT compilers have settled
 *                    (see {@code IngressBench}), but not beyond this
 * @param duration    length of each measured phase (the open-loop latency run and the closed-loop throughput run)
 * @param connections HTTP connections of the closed loop (its fixed concurrency) and of the open loop's pool
 * @param rate        requests per second offered in the open-loop latency run
 * @param servers     which servers to run, of {@code a}, {@code b}, {@code c}, {@code n}
 * @param flushIntervalMs the embedded broker forces its log to disk on every write (0) or within this many ms,
 *                    as the hub's {@code omni.kafka.embedded.flushIntervalMs}
 */
public record IngressOptions(Duration warmup, Duration warmupMax, Duration duration, int connections, int rate, List<ServerKind> servers,
                             long flushIntervalMs) {

    public static final String USAGE = """
            usage: bin/omni bench ingress [--warmup S] [--warmup-max S] [--duration S] [--connections N] [--rate R] [--servers a,b,c] [--broker-flush-ms MS]
              --warmup S       at least this many seconds of closed-loop load before measuring, per server,
                               and on until the JIT compilers have settled (default 10)
              --warmup-max S   at most this many seconds of warm-up per server (default 120)
              --duration S     seconds of each measured phase: open loop at --rate, then closed loop (default 10)
              --connections N  closed-loop concurrency = HTTP connections (default 64)
              --rate R         requests/s offered in the open-loop latency run (default 1000)
              --servers LIST   a = raw Vert.x + KafkaProducer, b = naive Camel route, c = the hub,
                               n = Vert.x answering 202 without Kafka: the load generator's ceiling (default a,b,c,n)
              --broker-flush-ms MS  the embedded broker forces its log to disk within MS ms of a write, or
                               before acknowledging each write with 0 (default 1000, the hub's default)""";

    public IngressOptions {
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must be 0 or more seconds");
        }
        if (warmupMax.compareTo(warmup) < 0) {
            throw new IllegalArgumentException("--warmup-max must be at least --warmup");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be more than 0 seconds");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 request/s");
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("--servers names no server; use a, b, c, n");
        }
        if (flushIntervalMs < 0) {
            throw new IllegalArgumentException("--broker-flush-ms must be 0 (every write) or more");
        }
        servers = List.copyOf(servers);
    }

    public static IngressOptions defaults() {
        return new IngressOptions(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(10), 64, 1000, List.of(ServerKind.values()),
                EmbeddedKafkaBroker.DEFAULT_FLUSH_INTERVAL_MS);
    }

    /** Parses the command line; an unknown option or a bad value fails with a message naming it. */
    public static IngressOptions parse(String... args) {
        IngressOptions o = defaults();
        Duration warmup = o.warmup();
        Duration warmupMax = null;
        Duration duration = o.duration();
        int connections = o.connections();
        int rate = o.rate();
        List<ServerKind> servers = o.servers();
        long flushIntervalMs = o.flushIntervalMs();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--warmup" -> warmup = seconds(name, value);
                case "--warmup-max" -> warmupMax = seconds(name, value);
                case "--duration" -> duration = seconds(name, value);
                case "--connections" -> connections = integer(name, value);
                case "--rate" -> rate = integer(name, value);
                case "--servers" -> servers = servers(value);
                case "--broker-flush-ms" -> flushIntervalMs = integer(name, value);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'\n" + USAGE);
            }
        }
        if (warmupMax == null) {
            warmupMax = warmup.compareTo(o.warmupMax()) > 0 ? warmup : o.warmupMax();
        }
        return new IngressOptions(warmup, warmupMax, duration, connections, rate, servers, flushIntervalMs);
    }

    private static Duration seconds(String name, String value) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number of seconds");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    private static List<ServerKind> servers(String value) {
        List<ServerKind> kinds = new ArrayList<>();
        for (String letter : value.split(",")) {
            kinds.add(ServerKind.of(letter.strip().toLowerCase(Locale.ROOT)));
        }
        return kinds;
    }
}
