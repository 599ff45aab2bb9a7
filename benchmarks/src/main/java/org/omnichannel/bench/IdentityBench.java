package org.omnichannel.bench;

import org.omnichannel.bench.identity.BenchOptions;
import org.omnichannel.bench.identity.Dataset;
import org.omnichannel.bench.identity.HeapMeter;
import org.omnichannel.bench.identity.Scores;
import org.omnichannel.core.fan.FanRecord;
import org.omnichannel.core.fan.FanResolver;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.file.JsonModelStore;
import org.omnichannel.core.fan.match.EmTrainer;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;
import org.omnichannel.core.fan.normalize.RecordNormalizer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bin/omni bench identity}: feeds a person data set to the fan engine one record at a
 * time and scores the fans it ends with against the data set's truth. The m and u probabilities
 * are first learned by EM from the same records without their truth (as Splink does); the truth
 * column is read only for scoring. The last line is
 * {@code precision=P recall=R f1=F b3_f1=B records=N seconds=S records_per_s=T peak_heap_mb=M}.
 */
public final class IdentityBench {

    private IdentityBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("identity bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the bench and prints its figures; the scores are returned for tests. */
    public static Scores run(BenchOptions options, PrintStream out) throws Exception {
        Dataset data = Dataset.load(options);
        List<FanRecord> records = new ArrayList<>(data.records());
        if (options.order() == BenchOptions.Order.SHUFFLED) {
            Collections.shuffle(records, new Random(options.seed()));
        }
        out.printf(Locale.ROOT, "input: %d records (%s%s), order %s%n", records.size(), options.input().getFileName(),
                options.inputB() == null ? "" : " + " + options.inputB().getFileName(),
                options.order().name().toLowerCase(Locale.ROOT));

        MatchModel model = MatchModel.priors();
        if (options.train()) {
            long t0 = System.nanoTime();
            List<MatchRecord> normalised = new ArrayList<>(records.size());
            for (FanRecord r : records) {
                normalised.add(RecordNormalizer.normalize(r));
            }
            model = new EmTrainer(200_000, options.seed(), Clock.systemUTC()).train(normalised);
            out.printf(Locale.ROOT, "model: EM on %d blocked pairs, lambda=%.4f, %.2f s (unsupervised, truth not read)%n",
                    model.trainingPairs(), model.lambda(), (System.nanoTime() - t0) / 1e9);
            printModel(model, out);
        }
        if (options.modelOut() != null) {
            new JsonModelStore(options.modelOut()).save(model);
            out.println("model saved to " + options.modelOut());
        }

        double probability = options.matchProbability() == null ? FanResolver.DEFAULT_MATCH_PROBABILITY
                : options.matchProbability();
        // At most about 100,000 warm-up resolutions, however many passes were asked for.
        int passes = (int) Math.min(options.warmup(), Math.max(1, 100_000 / Math.max(1, records.size())));
        for (int pass = 1; pass <= passes && options.warmup() > 0; pass++) {
            // Untimed passes into throwaway stores, so the timed pass runs compiled code (steady state).
            FanResolver throwaway = new FanResolver(new InMemoryFanStore(), new InMemoryMergeAudit(), model, probability,
                    Clock.systemUTC());
            long t0 = System.nanoTime();
            for (FanRecord record : records) {
                throwaway.resolve(record);
            }
            out.printf(Locale.ROOT, "warm-up pass %d (untimed, discarded): %.0f records/s%n", pass,
                    records.size() / ((System.nanoTime() - t0) / 1e9));
        }
        InMemoryFanStore store = new InMemoryFanStore();
        FanResolver resolver = new FanResolver(store, new InMemoryMergeAudit(), model, probability, Clock.systemUTC());
        HeapMeter heap = HeapMeter.start();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (FanRecord record : records) {
            resolver.resolve(record);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;

        List<Scores.Outcome> outcomes = new ArrayList<>(records.size());
        for (FanRecord record : records) {
            String fan = store.fanOf(record.recordId()).map(f -> f.value()).orElse("anonymous:" + record.recordId());
            outcomes.add(new Scores.Outcome(fan, data.entityOf().get(record.recordId()),
                    data.fileOf().get(record.recordId())));
        }
        Scores s = Scores.of(outcomes, options.inputB() != null);
        int fans = store.fanCount();
        long withStore = HeapMeter.usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(store);
        java.lang.ref.Reference.reachabilityFence(resolver);
        heap.close();
        double peakMb = heap.peakLiveMb(withStore);
        store = null;
        resolver = null;
        long retained = withStore - HeapMeter.usedAfterGc();
        out.printf(Locale.ROOT, "store: %d fans, %d records; it retains %.1f MB of heap (%.0f bytes a record)%n",
                fans, records.size(), retained / (1024.0 * 1024.0), (double) retained / records.size());
        out.printf(Locale.ROOT, "resolving: %.3f s wall, %.3f s CPU of the resolving thread (%.0f records/s per CPU-second); "
                + "machine load average %.1f%n", seconds, cpuSeconds, records.size() / cpuSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "fans: %d; pairs: true %d, predicted %d, correct %d%s%n", fans, s.truePairs(),
                s.predictedPairs(), s.correctPairs(), options.inputB() == null ? "" : " (cross-file pairs only)");
        out.printf(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f b3_f1=%.4f records=%d seconds=%.3f records_per_s=%.0f peak_heap_mb=%.1f%n",
                s.precision(), s.recall(), s.f1(), s.b3F1(), records.size(), seconds, records.size() / seconds, peakMb);
        return s;
    }

    private static void printModel(MatchModel model, PrintStream out) {
        for (MatchModel.ComparisonModel c : model.comparisons()) {
            StringBuilder line = new StringBuilder("  ").append(c.comparison()).append(':');
            for (int level = 0; level < c.comparison().levelCount(); level++) {
                line.append(String.format(Locale.ROOT, " [%s m=%.3f u=%.4f w=%+.1f]", c.comparison().levels().get(level),
                        c.m().get(level), c.u().get(level), c.weight(level)));
            }
            out.println(line);
        }
    }
}
