package org.omnichannel.bench.ingress;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The table of {@code bin/omni bench ingress} and the targets for the hub. */
public record IngressReport(IngressOptions options, int bodyBytes, List<ServerResult> results) {

    /** (c) reaches at least this share of (a)'s req/s. */
    public static final double TARGET_OF_LIMIT = 0.70;
    /** (c) reaches at least this multiple of (b)'s req/s. */
    public static final double TARGET_OVER_NAIVE = 1.5;
    /** (c)'s p99 at the offered rate stays under this many milliseconds. */
    public static final double TARGET_P99_MS = 25;

    public IngressReport {
        results = List.copyOf(results);
    }

    /** No server answered anything but 202, and every 202 is on Kafka. */
    public boolean clean() {
        return results.stream().allMatch(r -> r.errors() == 0 && r.storedEveryAccepted());
    }

    public Optional<ServerResult> of(ServerKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst();
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Ingress: Shopify orders/create, %d-byte body, signed; acks=all on one embedded KRaft broker"
                        + " (log forced to disk %s); %d cores%n", bodyBytes, options.flushIntervalMs() == 0 ? "before each acknowledgement"
                        : "within " + options.flushIntervalMs() + " ms", Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "warm-up: closed loop until the JIT settled (%.0f to %.0f s); open loop: %d req/s offered for %.0f s,"
                        + " latency from the intended send time; closed loop: %d connections for %.0f s%n%n",
                seconds(options.warmup()), seconds(options.warmupMax()), options.rate(), seconds(options.duration()),
                options.connections(), seconds(options.duration()));
        out.printf(Locale.ROOT, "%-32s %6s %10s %10s %6s | %8s %8s %8s %8s %9s | %9s %7s  %s%n", "server", "warm s", "max req/s", "CPU µs/req",
                "JIT ms",
                "p50 ms", "p99 ms", "p99.9 ms", "max ms", "got req/s", "requests", "errors", "on Kafka (records per topic)");
        for (ServerResult r : results) {
            out.printf(Locale.ROOT, "%-32s %6.0f %10.0f %10.0f %6d | %8.2f %8.2f %8.2f %8.2f %9.0f | %9d %7d  %s %s%n", r.kind().label(), r.warmupSeconds(),
                    r.throughput().acceptedPerSecond(), r.throughput().cpuMicrosPerRequest(), r.throughput().jitMillis(), r.latency().millis(50),
                    r.latency().millis(99),
                    r.latency().millis(99.9), r.latency().millis(100), r.latency().acceptedPerSecond(), r.requests(),
                    r.errors(), r.storedEveryAccepted() ? "ok" : "MISSING", r.stored());
            if (r.firstError() != null) {
                out.printf(Locale.ROOT, "%32s first error: %s%n", "", r.firstError());
            }
        }
        out.println();
        Optional<ServerResult> a = of(ServerKind.RAW_VERTX);
        Optional<ServerResult> b = of(ServerKind.NAIVE_CAMEL);
        Optional<ServerResult> c = of(ServerKind.HUB);
        if (c.isPresent() && a.isPresent()) {
            double ratio = rate(c.get()) / rate(a.get());
            out.printf(Locale.ROOT, "(c)/(a) req/s  %6.0f%%   target >= %.0f%%   %s%n", ratio * 100, TARGET_OF_LIMIT * 100,
                    verdict(ratio >= TARGET_OF_LIMIT));
        }
        if (c.isPresent() && b.isPresent()) {
            double ratio = rate(c.get()) / rate(b.get());
            out.printf(Locale.ROOT, "(c)/(b) req/s  %6.2fx   target >= %.1fx   %s%n", ratio, TARGET_OVER_NAIVE,
                    verdict(ratio >= TARGET_OVER_NAIVE));
        }
        if (c.isPresent()) {
            double p99 = c.get().latency().millis(99);
            out.printf(Locale.ROOT, "(c) p99 at %d req/s  %6.2f ms   target < %.0f ms   %s%n", options.rate(), p99,
                    TARGET_P99_MS, verdict(p99 < TARGET_P99_MS));
        }
        out.println(clean() ? "every request was answered 202 and every 202 is on Kafka"
                : "ERRORS: some requests were not answered 202 or not stored (see the table)");
    }

    private static double rate(ServerResult r) {
        return r.throughput().acceptedPerSecond();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
