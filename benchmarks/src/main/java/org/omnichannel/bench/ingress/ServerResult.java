package org.omnichannel.bench.ingress;

/**
 * One server's figures.
 *
 * @param warmupSeconds how long the server was warmed up before measuring
 * @param latency    the open-loop run at the offered rate (latency from the intended send time)
 * @param throughput the closed-loop run (answers 202 per second at fixed concurrency)
 * @param requests   every request sent to it, warm-up included
 * @param errors     of those, the ones not answered 202
 * @param accepted   of those, the ones answered 202
 * @param stored     the records on the server's topics after the run
 */
public record ServerResult(ServerKind kind, double warmupSeconds, PhaseResult latency, PhaseResult throughput, long requests, long errors,
                           long accepted, KafkaCounts.Stored stored) {

    /** Every 202 is on Kafka: each of the server's topics holds one record per accepted request. */
    public boolean storedEveryAccepted() {
        return stored.all(accepted);
    }

    /** The first error seen, or null. */
    public String firstError() {
        return latency.firstError() != null ? latency.firstError() : throughput.firstError();
    }
}
