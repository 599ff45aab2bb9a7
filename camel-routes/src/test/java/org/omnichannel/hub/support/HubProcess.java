package org.omnichannel.hub.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The hub as a child process (java ... HubMain), configured by environment, so a test can kill -9 it. */
public final class HubProcess {

    private final Process process;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> output = new ArrayList<>();
    private final Thread reader;
    private final int httpPort;

    private HubProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.reader = new Thread(this::read, "hub-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static HubProcess start(Path workDir, Map<String, String> environment) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.omnichannel.hub.HubMain");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new HubProcess(builder.start(), Integer.parseInt(environment.getOrDefault("OMNI_HTTP_PORT", "8080")));
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains("Omnichannel hub started")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            started.countDown();
        }
    }

    /**
     * Waits for the hub's start-up report and for its webhook port to take a connection (on a loaded
     * machine the report can come first); false if it exited or did not start in time.
     */
    public boolean awaitStarted(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (!started.await(seconds, TimeUnit.SECONDS)) {
            return false;
        }
        while (process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 1000);
                return true;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the exit code of a clean stop. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        reader.join(TimeUnit.SECONDS.toMillis(10)); // the last lines of output
        return process.exitValue();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }
}
