package org.omnichannel.bench.ingress;

import org.HdrHistogram.Histogram;

/**
 * What one phase of load measured.
 *
 * @param accepted    requests answered 202 in the measured window
 * @param seconds     length of the measured window
 * @param latency     latencies in the measured window, in microseconds; in the open loop from each
 *                    request's intended send time
 * @param allAccepted requests answered 202 in the whole phase, warm-up and drain included
 * @param errors      requests of the whole phase answered anything but 202, or failed (connection, timeout)
 * @param firstError  the first error, for the report, or null
 * @param cpuNanos    CPU time the whole JVM (server, broker and load generator) used in the measured window
 * @param jitMillis   time the JIT compilers spent compiling in the measured window (included in cpuNanos): near 0
 *                    once warm-up did its job
 */
public record PhaseResult(long accepted, double seconds, Histogram latency, long allAccepted, long errors,
                          String firstError, long cpuNanos, long jitMillis) {

    /** CPU microseconds the JVM spent per request answered 202: stable when the machine is shared, unlike req/s. */
    public double cpuMicrosPerRequest() {
        return accepted == 0 ? Double.NaN : cpuNanos / 1000.0 / accepted;
    }

    /** Requests answered 202 per second in the measured window. */
    public double acceptedPerSecond() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** This phase followed by {@code next} as one (counts summed, the first error kept; the latency of {@code next}). */
    public PhaseResult plus(PhaseResult next) {
        return new PhaseResult(accepted + next.accepted, seconds + next.seconds, next.latency, allAccepted + next.allAccepted,
                errors + next.errors, firstError != null ? firstError : next.firstError, cpuNanos + next.cpuNanos, jitMillis + next.jitMillis);
    }

    /** A latency percentile in milliseconds. */
    public double millis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
