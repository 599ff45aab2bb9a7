package org.omnichannel.bench;

import org.omnichannel.bench.incentive.IncentiveWorkload;
import org.omnichannel.core.incentive.AttributedEvent;
import org.omnichannel.core.incentive.InMemoryCreditLedger;
import org.omnichannel.core.incentive.IncentiveEngine;
import org.omnichannel.core.incentive.Leaderboard;
import org.omnichannel.core.incentive.PeriodCalendar;
import org.omnichannel.core.incentive.PeriodClose;
import org.omnichannel.core.incentive.Standing;
import org.omnichannel.core.incentive.Statement;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/omni bench incentive [events] [employees]} (defaults 1,000,000 and 10,000): credits a
 * month of generated traffic through the incentive engine on the in-memory ledger, then closes the
 * month, ranks it and prints one statement. Events are generated in chunks outside the timed part.
 */
public final class IncentiveBench {

    private static final int CHUNK = 10_000; // small, so generated events die young and do not burden the GC

    private IncentiveBench() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int employees = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        IncentiveWorkload workload = new IncentiveWorkload(events, employees);
        InMemoryCreditLedger ledger = new InMemoryCreditLedger();
        IncentiveEngine engine = new IncentiveEngine(IncentiveWorkload.plans(), workload.directory(),
                PeriodCalendar.monthly(ZoneId.of("Asia/Shanghai")), ledger);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[events];
        int n = 0;
        long creditNanos = 0;
        long creditCpu = 0;
        long gcBefore = gcMillis();
        while (workload.hasNext()) {
            List<AttributedEvent> chunk = workload.nextChunk(CHUNK);
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (AttributedEvent event : chunk) {
                long t0 = System.nanoTime();
                engine.record(event);
                long took = System.nanoTime() - t0;
                latencies[n++] = took;
                creditNanos += took;
            }
            creditCpu += threads.getCurrentThreadCpuTime() - cpu0;
        }
        long creditGc = gcMillis() - gcBefore;
        Arrays.sort(latencies, 0, n);

        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        PeriodClose close = engine.closePeriod("2026-11", Instant.parse("2026-12-01T00:00:00Z"));
        long closeNanos = System.nanoTime() - t0;
        long closeCpu = threads.getCurrentThreadCpuTime() - cpu0;
        long employeesPaid = close.payouts().stream().map(p -> p.employeeId()).distinct().count();

        t0 = System.nanoTime();
        cpu0 = threads.getCurrentThreadCpuTime();
        List<Standing> top = engine.leaderboard("2026-11", "CNY", Leaderboard.Level.EMPLOYEE, 10);
        long boardNanos = System.nanoTime() - t0;
        long boardCpu = threads.getCurrentThreadCpuTime() - cpu0;
        t0 = System.nanoTime();
        Statement statement = engine.statement(top.isEmpty() ? "e-1" : top.get(0).key(), "2026-11");
        long statementNanos = System.nanoTime() - t0;

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

        System.out.println("incentive bench: " + fmt(events) + " events, " + fmt(employees) + " employees, one month (2026-11)");
        System.out.printf(Locale.ROOT, "  crediting: %s entries booked in %.2f s wall = %s events/s (%.2f s CPU of the"
                        + " crediting thread = %s events/s per core; GC %.2f s)%n",
                fmt(ledger.size()), creditNanos / 1e9, fmt((long) (n / (creditNanos / 1e9))), creditCpu / 1e9,
                fmt((long) (n / (creditCpu / 1e9))), creditGc / 1e3);
        System.out.printf(Locale.ROOT, "  per event (wall): p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f ms%n",
                latencies[n / 2] / 1e3, latencies[(int) (n * 0.99)] / 1e3, latencies[(int) (n * 0.999)] / 1e3,
                latencies[n - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  period close: %s payouts for %s employees in %.1f ms wall (%.1f ms CPU)%n",
                fmt(close.payouts().size()), fmt(employeesPaid), closeNanos / 1e6, closeCpu / 1e6);
        System.out.printf(Locale.ROOT, "  leaderboard (top 10 of the month in CNY): %.1f ms wall (%.1f ms CPU); #1 %s%n",
                boardNanos / 1e6, boardCpu / 1e6, top.isEmpty() ? "-" : top.get(0).key() + " " + top.get(0).total());
        System.out.printf(Locale.ROOT, "  statement of %s: %d entries in %.2f ms%n", statement.employeeId(),
                statement.entries().size(), statementNanos / 1e6);
        System.out.println("  heap in use after the run: " + heapMb + " MB");
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(gc.getCollectionTime(), 0);
        }
        return total;
    }

    private static String fmt(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
