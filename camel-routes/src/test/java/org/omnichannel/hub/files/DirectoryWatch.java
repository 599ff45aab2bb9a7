package org.omnichannel.hub.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something to appear in a directory, woken by the file system's own notifications. */
final class DirectoryWatch {

    private DirectoryWatch() {
    }

    /** Waits until {@code file} exists (its directory is created if needed); false on timeout. */
    static boolean awaitFile(Path file, Duration timeout) throws IOException, InterruptedException {
        return await(file.getParent(), () -> Files.exists(file), timeout);
    }

    /** Waits until the condition holds, checking it whenever something changes in {@code dir}. */
    static boolean await(Path dir, BooleanSupplier condition, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                var key = watch.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return true;
        }
    }
}
