package org.omnichannel.hub.files;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The work of a file-drop route, for one dropped file: hand its bytes to the channel's connector
 * (a request with method FILE, the file's path as uri), publish the events on omni.inbound and wait
 * for the broker's acknowledgement (acks=all), write the report, and only then tell the route to
 * move the file to done/. A file the connector cannot read at all goes to error/ with a report
 * saying why.
 *
 * <p>Anything that fails before the move (Kafka unreachable, the disk full) fails the exchange: the
 * file stays where it was dropped and is read again on a later poll. Publishing it again is
 * harmless: its events' ids come from the file's content (for the POS format: store and receipt
 * number), so OFBiz answers DUPLICATE for what it already has.
 */
final class FileDropProcessor implements Processor {

    /** The exchange property the route's {@code move} option reads: done/&lt;name&gt; or error/&lt;name&gt;. */
    static final String TARGET_PROPERTY = "omniFileTarget";

    private static final Logger LOG = LoggerFactory.getLogger(FileDropProcessor.class);

    private final ChannelRegistry.Channel channel;
    private final FileDrop drop;
    private final InboundPublisher publisher;
    private final FileMetrics metrics;
    private final Clock clock;

    FileDropProcessor(ChannelRegistry.Channel channel, FileDrop drop, InboundPublisher publisher, FileMetrics metrics,
                      Clock clock) {
        this.channel = channel;
        this.drop = drop;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        // Where the file will be kept once processed: the events' raw reference points there.
        String doneName = freeName(drop.doneDir(), name);
        Instant receivedAt = clock.instant();
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > drop.maxFileBytes()) {
            refuse(exchange, name, "-", receivedAt, "file has " + length + " bytes; the hub reads files of at most "
                    + drop.maxFileBytes() + " (channel setting " + FileDrop.MAX_BYTES + "): split it");
            return;
        }
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        String sha256 = Signatures.sha256Hex(bytes);
        InboundRequest request = new InboundRequest("FILE", drop.doneDir().resolve(doneName).toString(),
                Map.of(), Map.of(), bytes, receivedAt);
        Verification verdict = channel.connector().verify(request, channel.context());
        if (verdict instanceof Verification.Rejected rejected) {
            refuse(exchange, name, sha256, receivedAt, "the connector refused the file: " + rejected.reason());
            return;
        }
        MappingResult mapped;
        try {
            mapped = channel.connector().map(request, channel.context());
        } catch (BadPayloadException e) {
            refuse(exchange, name, sha256, receivedAt, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("channel '{}': connector '{}' failed on file {}", channel.id(), channel.context().system(), name, e);
            refuse(exchange, name, sha256, receivedAt, "the connector could not read the file (" + e.getClass().getSimpleName()
                    + "); the hub's log has the details");
            return;
        }
        publish(mapped, name);
        FileReport report = FileReport.done(name, channel.id(), sha256, receivedAt, mapped);
        try {
            report.writeTo(drop.doneDir().resolve(doneName + ".report.json"));
        } catch (IOException e) {
            throw new FileNotQueuedException("channel '" + channel.id() + "': file " + name + " was queued but its report cannot "
                    + "be written to " + drop.doneDir() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); it stays in " + drop.dropDir() + " and is read again (same eventIds, so nothing twice)", e);
        }
        exchange.setProperty(TARGET_PROPERTY, "done/" + doneName);
        metrics.done(report);
        LOG.info("channel '{}': file {} queued {} event(s), {} part(s) skipped; moved to done/{}", channel.id(), name,
                report.eventIds().size(), report.skipped().size(), doneName);
    }

    private void publish(MappingResult mapped, String name) throws Exception {
        try {
            publisher.publishEvents(mapped.events()).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new FileNotQueuedException("channel '" + channel.id() + "': file " + name + " could not be queued on Kafka ("
                    + cause.getMessage() + "); it stays in " + drop.dropDir() + " and is read again", cause);
        }
    }

    private void refuse(Exchange exchange, String name, String sha256, Instant at, String reason) throws IOException {
        String target = freeName(drop.errorDir(), name);
        FileReport.refused(name, channel.id(), sha256, at, reason).writeTo(drop.errorDir().resolve(target + ".report.json"));
        exchange.setProperty(TARGET_PROPERTY, "error/" + target);
        metrics.error(channel.id());
        LOG.warn("channel '{}': file {} refused, moved to error/{}: {}", channel.id(), name, target, reason);
    }

    /**
     * The name the file gets in {@code dir}: its own, or {@code name-2.csv}, {@code name-3.csv}...
     * when a file of that name was processed before (tills reuse names day after day).
     */
    static String freeName(Path dir, String name) {
        if (!Files.exists(dir.resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n + extension;
            if (!Files.exists(dir.resolve(candidate))) {
                return candidate;
            }
        }
    }

    /** The events could not be queued, or the file not moved after: the file stays and is read again. */
    static final class FileNotQueuedException extends Exception {
        private static final long serialVersionUID = 1L;

        FileNotQueuedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
