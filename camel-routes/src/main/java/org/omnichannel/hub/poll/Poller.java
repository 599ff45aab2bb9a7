package org.omnichannel.hub.poll;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.PollPage;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.fetch.FetchIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One poll of one channel: reads the channel's watermark ({@link Watermarks}; the first time, now minus the
 * look-back), asks the connector's {@link FetchSource#poll} page by page for what changed since, queues every
 * page's references on omni.fetch (waiting for the broker), and only after the last page moves the watermark
 * to the newest change seen. A failure anywhere leaves the watermark where it was: the next poll asks again
 * from there (the references already queued are fetched twice and collapse by eventId). When the vendor asked
 * to wait ({@link FetchException#retryAfter()}), polls are skipped until then.
 */
final class Poller implements Processor {

    static final String CHANNEL_PROPERTY = "omni.channelId";
    private static final int MAX_PAGES = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final ChannelRegistry channels;
    private final FetchIntake intake;
    private final Watermarks watermarks;
    private final Clock clock;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();

    Poller(ChannelRegistry channels, FetchIntake intake, Watermarks watermarks, Clock clock) {
        this.channels = channels;
        this.intake = intake;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        ChannelRegistry.Channel channel = channels.require(exchange.getProperty(CHANNEL_PROPERTY, String.class));
        Instant now = clock.instant();
        Instant wait = notBefore.get(channel.id());
        if (wait != null && now.isBefore(wait)) {
            LOG.info("channel '{}': poll skipped, the vendor asked to wait until {}", channel.id(), wait);
            return;
        }
        try {
            poll(channel, now);
            completed.computeIfAbsent(channel.id(), id -> new AtomicLong()).incrementAndGet();
        } catch (FetchException e) {
            if (e.retryAfter() != null) {
                notBefore.put(channel.id(), now.plus(e.retryAfter()));
            }
            LOG.warn("channel '{}': poll failed, the watermark stays ({}): {}", channel.id(),
                    e.retryable() ? "next poll tries again" : "check the channel's settings", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("channel '{}': poll failed, the watermark stays: {}", channel.id(), e.getMessage());
        }
    }

    private void poll(ChannelRegistry.Channel channel, Instant now) {
        FetchSource source = channel.connector().fetchSource().orElseThrow();
        Instant since = watermarks.read(channel.id())
                .orElseGet(() -> now.minus(PollSettings.of(channel.context()).lookback()));
        Instant newest = null;
        String token = null;
        int pages = 0;
        int refs = 0;
        do {
            PollPage page = source.poll(channel.context(), since, token);
            queue(channel.id(), page, now);
            refs += page.references().size();
            if (page.newestChange() != null && (newest == null || page.newestChange().isAfter(newest))) {
                newest = page.newestChange();
            }
            token = page.nextPageToken();
            pages++;
        } while (token != null && pages < MAX_PAGES);
        if (token != null) {
            LOG.warn("channel '{}': poll stopped after {} pages; the next poll goes on from the watermark", channel.id(), pages);
        }
        if (newest != null && newest.isAfter(since)) {
            watermarks.write(channel.id(), newest);
        }
        LOG.info("channel '{}': polled changes since {}: {} page(s), {} reference(s) queued, watermark {}", channel.id(),
                since, pages, refs, newest != null && newest.isAfter(since) ? newest : since);
    }

    private void queue(String channelId, PollPage page, Instant now) {
        try {
            intake.queue(channelId, page.references(), now).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the polled references: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing polled references", e);
        }
    }

    /** Polls of the channel that completed (every page queued, watermark written). */
    long completed(String channelId) {
        AtomicLong count = completed.get(channelId);
        return count == null ? 0 : count.get();
    }
}
