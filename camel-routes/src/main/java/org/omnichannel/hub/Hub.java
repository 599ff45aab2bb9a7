package org.omnichannel.hub;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.omnichannel.hub.ops.HubMetrics;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A hub: its Camel Main and what the assembly built, for the launcher and for tests. */
public final class Hub {

    private final Main main;
    private final HubAssembly assembly;
    private volatile Thread runner;

    private Hub(Main main, HubAssembly assembly) {
        this.main = main;
        this.assembly = assembly;
    }

    /** A configured hub, not yet started. */
    public static Hub create() {
        // No package scan: routes are added by the assembly, with what they need passed in.
        Main main = new Main();
        HubAssembly assembly = new HubAssembly();
        main.addMainListener(assembly);
        return new Hub(main, assembly);
    }

    /**
     * Runs the hub until it is stopped, then releases what the assembly started. Camel Main does not
     * call its listeners' afterStop when start-up fails half-way (a route that cannot be built), so
     * without this the embedded broker would outlive a failed start.
     */
    public void run(String[] args) throws Exception {
        try {
            main.run(args);
        } finally {
            assembly.release();
        }
    }

    /**
     * Runs the hub on a thread of its own, as tests and benchmarks embed it, and returns once it has
     * started; {@link #stop} ends it.
     *
     * @throws IllegalStateException when it failed to start (with the cause) or did not start within {@code timeout}
     */
    public void startInBackground(String threadName, Duration timeout) {
        CountDownLatch started = new CountDownLatch(1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport ignored) {
                started.countDown();
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                run(new String[0]);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                started.countDown();
            }
        }, threadName);
        runner = thread;
        thread.start();
        try {
            if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the hub did not start within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the hub was starting", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the hub failed to start: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Stops a hub started with {@link #startInBackground} and waits for its thread. */
    public void stop(Duration timeout) throws InterruptedException {
        main.completed();
        Thread thread = runner;
        if (thread != null) {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                throw new IllegalStateException("the hub did not stop within " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Whether a hub started with {@link #startInBackground} has ended. */
    public boolean isStopped() {
        Thread thread = runner;
        return thread != null && !thread.isAlive();
    }

    public Main main() {
        return main;
    }

    /** Kafka's bootstrap servers the hub uses (the embedded broker's when none was configured). */
    public String bootstrapServers() {
        return assembly.bootstrapServers();
    }

    public HubMetrics metrics() {
        return assembly.metrics();
    }

    public HubSettings settings() {
        return assembly.settings();
    }
}
