package org.omnichannel.bench.ingress;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Recorder;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP load generator on Vert.x's HttpClient (its own Vert.x, {@value #EVENT_LOOPS} event
 * loops), posting the same signed request over a pool of keep-alive connections.
 * <ul>
 *   <li>{@link #closedLoop}: a fixed number of requests always in flight (one per connection), each
 *       sent as soon as the previous one on its slot was answered: the server's maximum sustained rate.</li>
 *   <li>{@link #openLoop}: requests sent on a fixed schedule whatever the answers, each latency
 *       measured from its intended send time, so a stalled server is charged for every request
 *       that waited (no coordinated omission).</li>
 * </ul>
 * Every answer but 202 counts as an error.
 */
public final class LoadGenerator implements AutoCloseable {

    static final int EVENT_LOOPS = 2;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);
    private static final long TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final Buffer body;
    private final MultiMap headers;
    private final int connections;

    public LoadGenerator(OrderWebhook request, int connections) {
        this.connections = connections;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setWorkerPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setTcpNoDelay(true).setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(-1));
        this.body = Buffer.buffer(request.body());
        this.headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(headers::add);
    }

    /**
     * Keeps {@code connections} requests in flight for {@code warmup} (not counted), then for
     * {@code duration}, and waits for the last answers.
     */
    public PhaseResult closedLoop(URI target, Duration warmup, Duration duration) throws InterruptedException {
        RequestOptions options = options(target);
        AtomicReference<Tally> current = new AtomicReference<>(new Tally());
        Tally warm = current.get();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch drained = new CountDownLatch(connections);
        List<Context> loops = contexts();
        for (int i = 0; i < connections; i++) {
            loops.get(i % loops.size()).runOnContext(ignored -> next(options, current, stop, drained));
        }
        sleep(warmup);
        Tally measured = new Tally();
        current.set(measured);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long jitStart = jitMillis();
        sleep(duration);
        Tally after = new Tally();
        current.set(after);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long jit = jitMillis() - jitStart;
        stop.set(true);
        if (!drained.await(TIMEOUT_MS * 2, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("requests still unanswered " + 2 * TIMEOUT_MS / 1000 + " s after the closed loop ended");
        }
        long errors = warm.errors.sum() + measured.errors.sum() + after.errors.sum();
        long allAccepted = warm.accepted.sum() + measured.accepted.sum() + after.accepted.sum();
        return new PhaseResult(measured.accepted.sum(), seconds, measured.latency.getIntervalHistogram(), allAccepted, errors,
                firstOf(warm, measured, after), cpu, jit);
    }

    /** Offers {@code rate} requests/s for {@code duration} and waits for every answer. */
    public PhaseResult openLoop(URI target, int rate, Duration duration) throws InterruptedException {
        RequestOptions options = options(target);
        Tally tally = new Tally();
        long total = Math.max(1, rate * duration.toMillis() / 1000);
        double intervalNanos = 1e9 / rate;
        CountDownLatch answered = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, total));
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long cpuStart = processCpuNanos();
        long jitStart = jitMillis();
        Context loop = contexts().get(0);
        loop.runOnContext(ignored -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            long n = issued.get();
            while (n < total && start + (long) (n * intervalNanos) <= now) {
                long intended = start + (long) (n * intervalNanos);
                send(options).onComplete(result -> {
                    tally.record(result.succeeded() ? result.result() : -1, result.failed() ? result.cause() : null, intended);
                    answered.countDown();
                });
                n++;
            }
            issued.set(n);
            if (n >= total) {
                vertx.cancelTimer(timer);
            }
        }));
        long unanswered = 0;
        if (!answered.await(duration.toMillis() + TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            // The server fell behind the offered rate: what is still unanswered counts as errors.
            unanswered = answered.getCount();
            tally.firstError.compareAndSet(null, unanswered + " of " + total + " requests unanswered "
                    + TIMEOUT_MS / 1000 + " s after the open loop ended");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PhaseResult(tally.accepted.sum(), seconds, tally.latency.getIntervalHistogram(), tally.accepted.sum(),
                tally.errors.sum() + unanswered, tally.firstError.get(), processCpuNanos() - cpuStart,
                jitMillis() - jitStart);
    }

    private void next(RequestOptions options, AtomicReference<Tally> current, AtomicBoolean stop, CountDownLatch drained) {
        long sent = System.nanoTime();
        send(options).onComplete(result -> {
            current.get().record(result.succeeded() ? result.result() : -1, result.failed() ? result.cause() : null, sent);
            if (stop.get()) {
                drained.countDown();
            } else {
                next(options, current, stop, drained);
            }
        });
    }

    private Future<Integer> send(RequestOptions options) {
        return client.request(options)
                .compose(request -> request.send(body.copy()))
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    private RequestOptions options(URI target) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost(target.getHost()).setPort(target.getPort())
                .setURI(target.getRawPath()).setHeaders(headers).setIdleTimeout(TIMEOUT_MS);
    }

    /** One context per event loop: from a thread outside Vert.x each call makes a new one, round robin. */
    private List<Context> contexts() {
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < EVENT_LOOPS; i++) {
            contexts.add(vertx.getOrCreateContext());
        }
        return contexts;
    }

    /** Time the JIT compilers have spent compiling so far, or 0 when the JVM does not tell. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static String firstOf(Tally... tallies) {
        for (Tally tally : tallies) {
            if (tally.firstError.get() != null) {
                return tally.firstError.get();
            }
        }
        return null;
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        }
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Counts of one phase; answers arrive on several event loops. */
    private static final class Tally {
        final LongAdder accepted = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
        final AtomicReference<String> firstError = new AtomicReference<>();

        void record(int status, Throwable failure, long sinceNanos) {
            long micros = Math.max(0, (System.nanoTime() - sinceNanos) / 1000);
            latency.recordValue(Math.min(micros, HIGHEST_MICROS));
            if (status == 202) {
                accepted.increment();
            } else {
                errors.increment();
                firstError.compareAndSet(null, failure != null ? failure.toString() : "HTTP " + status);
            }
        }
    }
}
