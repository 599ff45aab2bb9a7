package org.omnichannel.bench;

import org.omnichannel.bench.insights.FanPopulation;
import org.omnichannel.core.fan.insight.FanAggregate;
import org.omnichannel.core.fan.insight.FanEvent;
import org.omnichannel.core.fan.insight.FanInsight;
import org.omnichannel.core.fan.insight.FanInsightEngine;
import org.omnichannel.core.fan.insight.LifecycleRules;
import org.omnichannel.core.fan.insight.LifecycleSettings;
import org.omnichannel.core.fan.insight.LifecycleStage;
import org.omnichannel.core.fan.insight.TimelineEntry;
import org.omnichannel.core.fan.insight.ValueIndex;
import org.omnichannel.core.fan.insight.ValueIndexCalculator;
import org.omnichannel.core.fan.insight.ValueIndexSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bin/omni bench insights [--fans N] [--events N] [--live-fans N] [--live-events N]}:
 * <ol>
 *   <li>full recompute: the value index and lifecycle stage of N fans (default 1,000,000) from stored
 *       timelines of 10 events each, generated fan by fan (streaming, in batches) so memory stays
 *       flat; the scoring is timed apart from the generation;</li>
 *   <li>incremental: an engine holding {@code live-fans} fans (default 200,000) with 10 events each
 *       takes {@code live-events} more (default 1,000,000) one by one; the latency of each
 *       {@code record} call is measured and reported as percentiles, and a sample of fans is checked
 *       against a full recompute.</li>
 * </ol>
 */
public final class InsightsBench {

    /** What a run measured. */
    public record Result(long fans, long entriesScored, double recomputeSeconds, double recomputeCpuSeconds,
                         double recomputeWallSeconds,
                         Map<LifecycleStage, Long> stages, long liveFans, long preloadEvents, double preloadSeconds,
                         long liveEvents, long[] latencyNanosPercentiles, double maxIncrementalError) {
    }

    static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private InsightsBench() {
    }

    public static void main(String[] args) {
        Map<String, Long> o = options(args);
        Result r = run(o.get("fans"), o.get("events").intValue(), o.get("live-fans"), o.get("live-events"));
        print(r, o.get("events").intValue());
    }

    static Map<String, Long> options(String[] args) {
        Map<String, Long> o = new java.util.LinkedHashMap<>(Map.of("fans", 1_000_000L, "events", 10L,
                "live-fans", 200_000L, "live-events", 1_000_000L));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !o.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; options: --fans N "
                        + "--events N --live-fans N --live-events N");
            }
            try {
                long v = Long.parseLong(args[++i].replace("_", ""));
                if (v < 1) {
                    throw new NumberFormatException();
                }
                o.put(name, v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a positive whole number, was '" + args[i] + "'");
            }
        }
        return o;
    }

    public static Result run(long fans, int eventsPerFan, long liveFans, long liveEvents) {
        ValueIndexSettings settings = ValueIndexSettings.defaults();
        ValueIndexCalculator calculator = new ValueIndexCalculator(settings);
        LifecycleRules lifecycle = new LifecycleRules(LifecycleSettings.defaults());
        FanPopulation population = new FanPopulation(NOW, 42);

        // 1. Full recompute, streaming in batches.
        Map<LifecycleStage, Long> stages = new EnumMap<>(LifecycleStage.class);
        long[] stageCounts = new long[LifecycleStage.values().length];
        int batch = 50_000;
        long scoring = 0;
        long scoringCpu = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long entries = 0;
        double checksum = 0;
        long wallStart = System.nanoTime();
        List<List<TimelineEntry>> timelines = new ArrayList<>(batch);
        for (long first = 0; first < fans; first += batch) {
            timelines.clear();
            long last = Math.min(fans, first + batch);
            for (long n = first; n < last; n++) {
                timelines.add(population.timeline(n, eventsPerFan));
            }
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (List<TimelineEntry> timeline : timelines) {
                FanAggregate aggregate = FanAggregate.of(timeline, settings);
                ValueIndex index = calculator.index(aggregate, NOW);
                stageCounts[lifecycle.stage(aggregate, index, NOW).ordinal()]++;
                checksum += index.value();
                entries += timeline.size();
            }
            scoring += System.nanoTime() - t0;
            scoringCpu += cpu.getCurrentThreadCpuTime() - c0;
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        for (LifecycleStage s : LifecycleStage.values()) {
            stages.put(s, stageCounts[s.ordinal()]);
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("an index was NaN");
        }
        timelines.clear();

        // 2. Incremental: preload, then time each record call.
        FanInsightEngine engine = FanInsightEngine.withDefaults();
        SplittableRandom r = new SplittableRandom(7);
        long sequence = 0;
        long preloadStart = System.nanoTime();
        Instant start = NOW.minus(Duration.ofDays(400));
        for (long n = 0; n < liveFans; n++) {
            for (int i = 0; i < eventsPerFan; i++) {
                engine.record(population.liveEvent(n, sequence++, start.plus(Duration.ofDays(40L * i + r.nextInt(40))), r));
            }
        }
        double preload = (System.nanoTime() - preloadStart) / 1e9;
        long preloadEvents = sequence;

        long[] latencies = new long[(int) liveEvents];
        int chunk = 50_000;
        FanEvent[] pending = new FanEvent[chunk];
        for (int done = 0; done < liveEvents; ) {
            int size = (int) Math.min(chunk, liveEvents - done);
            for (int i = 0; i < size; i++) {
                long fan = r.nextLong(liveFans);
                pending[i] = population.liveEvent(fan, sequence++, NOW.plusMillis(done + i), r);
            }
            for (int i = 0; i < size; i++) {
                long t0 = System.nanoTime();
                engine.record(pending[i]);
                latencies[done + i] = System.nanoTime() - t0;
            }
            done += size;
        }
        Arrays.sort(latencies);
        long[] percentiles = new long[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            int at = (int) Math.min(latencies.length - 1, Math.ceil(PERCENTILES[i] / 100 * latencies.length) - 1);
            percentiles[i] = latencies[Math.max(0, at)];
        }

        double maxError = 0;
        Instant asOf = NOW.plus(Duration.ofDays(1));
        for (long n = 0; n < liveFans; n += Math.max(1, liveFans / 1000)) {
            String id = FanPopulation.fanId(n);
            FanInsight incremental = engine.insight(id, asOf).orElseThrow();
            FanAggregate full = FanAggregate.of(engine.timeline(id, null, null), settings);
            maxError = Math.max(maxError, Math.abs(incremental.index().value() - calculator.index(full, asOf).value()));
        }
        return new Result(fans, entries, scoring / 1e9, scoringCpu / 1e9, wall, stages, liveFans, preloadEvents, preload, liveEvents,
                percentiles, maxError);
    }

    static void print(Result r, int eventsPerFan) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "insights: full recompute of %,d fans x %d events (%,d timeline entries)%n",
                r.fans(), eventsPerFan, r.entriesScored());
        System.out.printf(Locale.ROOT, "  scoring (aggregate + value index + lifecycle): %.2f s = %.0f fans/s, "
                + "%.2f us/fan%n", r.recomputeSeconds(), r.fans() / r.recomputeSeconds(),
                r.recomputeSeconds() * 1e6 / r.fans());
        System.out.printf(Locale.ROOT, "  scoring CPU time of the scoring thread: %.2f s (wall and CPU differ when "
                + "other processes share the cores)%n", r.recomputeCpuSeconds());
        System.out.printf(Locale.ROOT, "  wall including generating the timelines (streamed in batches of 50,000): "
                + "%.2f s%n", r.recomputeWallSeconds());
        System.out.println("  stages: " + r.stages());
        System.out.printf(Locale.ROOT, "insights: incremental, engine holding %,d fans; preload of %,d events took "
                + "%.2f s (%.0f events/s)%n", r.liveFans(), r.preloadEvents(), r.preloadSeconds(),
                r.preloadEvents() / r.preloadSeconds());
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < PERCENTILES.length; i++) {
            p.append(i == 0 ? "" : ", ").append(PERCENTILES[i] == 100 ? "max" : "p" + fmt(PERCENTILES[i]))
                    .append(' ').append(String.format(Locale.ROOT, "%.1f us", r.latencyNanosPercentiles()[i] / 1e3));
        }
        System.out.printf(Locale.ROOT, "  record() latency over %,d live events: %s%n", r.liveEvents(), p);
        System.out.printf(Locale.ROOT, "  incremental vs full recompute, 1,000-fan sample: max |difference| = %.2e "
                + "index points%n", r.maxIncrementalError());
        System.out.printf(Locale.ROOT, "  heap: max %,d MiB, in use at end %,d MiB, cores %d, load average %.1f%n",
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String fmt(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
