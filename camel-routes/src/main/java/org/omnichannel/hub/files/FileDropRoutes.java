package org.omnichannel.hub.files;

import org.apache.camel.builder.RouteBuilder;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ops.HubMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One file consumer per enabled channel whose connector takes files (the POS CSV format), route
 * {@code files-<channelId>}, all made from the route template {@value #TEMPLATE}.
 *
 * <p>Half-written files are never read, two ways at once:
 * <ul>
 *   <li>only names ending in {@code .csv} (any case) are read, so a till or SFTP client that uploads
 *       under another name ({@code receipts.csv.part}, {@code .tmp}) and renames when done is safe the
 *       moment it renames (a rename within a directory is atomic);</li>
 *   <li>Camel's {@code readLock=changed}: a file is read only after its size and modification time
 *       stayed the same for {@code fileStableMs} (default 1 s), for clients that write in place.</li>
 * </ul>
 * The route moves the file (Camel's {@code move}, after the exchange completed) to the name the
 * processor chose in done/ or error/; a failed exchange leaves the file where it was, to be read again.
 */
public final class FileDropRoutes extends RouteBuilder {

    public static final String TEMPLATE = "file-drop";

    private final ChannelRegistry channels;
    private final List<FileDrop> drops;
    private final InboundPublisher publisher;
    private final FileMetrics metrics;
    private final Clock clock;

    public FileDropRoutes(ChannelRegistry channels, Path dataDir, InboundPublisher publisher, HubMetrics metrics, Clock clock) {
        this.channels = channels;
        this.drops = FileDrop.of(channels, dataDir);
        this.publisher = publisher;
        this.metrics = new FileMetrics(metrics.registry());
        this.clock = clock;
    }

    public List<FileDrop> drops() {
        return drops;
    }

    @Override
    public void configure() {
        // A file that fails (Kafka unreachable, the disk full) stays and is retried at the next poll:
        // one line a failure in the log, not a stack trace each poll.
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        routeTemplate(TEMPLATE)
                .templateParameter("channelId")
                .templateParameter("dropDir")
                .templateParameter("stableMs")
                .templateParameter("timeoutMs")
                .templateParameter("pollMs")
                .templateParameter("processor")
                .from("file:{{dropDir}}?antInclude=*.csv&antFilterCaseSensitive=false"
                        + "&readLock=changed&readLockCheckInterval={{stableMs}}&readLockTimeout={{timeoutMs}}"
                        + "&readLockLoggingLevel=DEBUG&sortBy=file:modified&delay={{pollMs}}"
                        + "&move=${exchangeProperty." + FileDropProcessor.TARGET_PROPERTY + "}")
                .process("{{processor}}");

        for (FileDrop drop : drops) {
            createDirectories(drop);
            ChannelRegistry.Channel channel = channels.require(drop.channelId());
            long stable = drop.stableFor().toMillis();
            String processor = "file-drop-processor-" + drop.channelId();
            getCamelContext().getRegistry().bind(processor, new FileDropProcessor(channel, drop, publisher, metrics, clock));
            templatedRoute(TEMPLATE)
                    .routeId("files-" + drop.channelId())
                    .parameter("channelId", drop.channelId())
                    .parameter("dropDir", drop.dropDir().toString())
                    .parameter("stableMs", String.valueOf(stable))
                    .parameter("timeoutMs", String.valueOf(Math.max(10_000, stable * 5)))
                    .parameter("pollMs", String.valueOf(drop.pollInterval().toMillis()))
                    .parameter("processor", processor);
        }
    }

    private static void createDirectories(FileDrop drop) {
        try {
            Files.createDirectories(drop.dropDir());
        } catch (IOException e) {
            throw new UncheckedIOException("channel '" + drop.channelId() + "': cannot create the drop directory "
                    + drop.dropDir() + " (" + e.getClass().getSimpleName() + "): create it, writable by the hub, or set "
                    + FileDrop.DROP_DIR + " under the channel's settings", e);
        }
    }
}
