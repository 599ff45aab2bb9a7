package org.omnichannel.hub.files;

import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.hub.channel.ChannelRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One channel's drop directory and how it is watched.
 *
 * @param channelId     the channel whose connector maps the files
 * @param dropDir       where files are dropped; processed files go to {@code done/}, refused ones to {@code error/}
 * @param stableFor     a file is read once its size and modification time stayed the same this long
 * @param pollInterval  how often the directory is scanned
 * @param maxFileBytes  larger files are refused unread (to error/), protecting the hub's memory
 */
public record FileDrop(String channelId, Path dropDir, Duration stableFor, Duration pollInterval, long maxFileBytes) {

    /** Channel settings (all optional) and their defaults. */
    public static final String DROP_DIR = "dropDir";
    public static final String STABLE_MS = "fileStableMs";
    public static final String POLL_MS = "filePollMs";
    public static final String MAX_BYTES = "maxFileBytes";
    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public FileDrop {
        if (stableFor.isNegative() || stableFor.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("channel '" + channelId + "': " + STABLE_MS + " and " + POLL_MS
                    + " must be positive numbers of milliseconds");
        }
    }

    /** The drop directories of the channels whose connector takes files, each from its settings. */
    public static List<FileDrop> of(ChannelRegistry channels, Path dataDir) {
        return channels.channels().stream().filter(FileDrop::takesFiles).map(channel -> of(channel, dataDir)).toList();
    }

    static FileDrop of(ChannelRegistry.Channel channel, Path dataDir) {
        var context = channel.context();
        Path dir = context.setting(DROP_DIR).map(Path::of).orElse(dataDir.resolve("drop").resolve(channel.id()));
        return new FileDrop(channel.id(), dir.toAbsolutePath().normalize(),
                Duration.ofMillis(number(channel, STABLE_MS, 1000)), Duration.ofMillis(number(channel, POLL_MS, 1000)),
                number(channel, MAX_BYTES, DEFAULT_MAX_BYTES));
    }

    /**
     * Whether the channel's connector takes dropped files: it accepts a request with method FILE,
     * which carries no credential, so a webhook connector (which checks a signature) refuses it.
     */
    static boolean takesFiles(ChannelRegistry.Channel channel) {
        try {
            return channel.connector().verify(new InboundRequest("FILE", "probe.csv", Map.of(), Map.of(), new byte[0], null),
                    channel.context()) instanceof Verification.Verified;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Path doneDir() {
        return dropDir.resolve("done");
    }

    public Path errorDir() {
        return dropDir.resolve("error");
    }

    private static long number(ChannelRegistry.Channel channel, String key, long fallback) {
        String text = channel.context().setting(key).orElse(null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel '" + channel.id() + "': setting " + key + " must be a whole number, was '"
                    + text + "'");
        }
    }
}
