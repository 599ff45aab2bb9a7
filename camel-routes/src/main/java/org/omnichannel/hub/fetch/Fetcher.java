package org.omnichannel.hub.fetch;

import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches one queued reference with its channel's {@link FetchSource} and starts publishing its events to
 * omni.inbound; the consumer waits for the broker's acknowledgement before it commits. Thread-safe; shared by
 * the consumer's workers.
 *
 * <p><b>Deduplication.</b> A notification id already fetched (SQS delivers at least once; a vendor
 * redelivers) is skipped without calling the vendor, and an event whose eventId this hub already
 * published (the poll finding a notified order, a repeat of an unchanged object) is not published again.
 * Both memories are bounded and in memory: since {@value FetchTopics#FETCH} is keyed by channel + object,
 * every repeat of one object reaches the same hub while it owns that partition. After a restart or a
 * partition move, a repeat is fetched again and gives the same eventId (fetches are idempotent), which
 * OFBiz's receipts absorb: at most one event per eventId is processed.
 */
final class Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    private final ChannelRegistry channels;
    private final InboundPublisher publisher;
    private final HubMetrics metrics;
    private final RecentIds notifications = new RecentIds(100_000);
    private final RecentIds published = new RecentIds(100_000);
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    Fetcher(ChannelRegistry channels, InboundPublisher publisher, HubMetrics metrics) {
        this.channels = channels;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    FetchOutcome fetch(byte[] queued) {
        FetchTask task;
        try {
            task = FetchTask.read(queued);
        } catch (IllegalArgumentException e) {
            return new FetchOutcome.Dead("unreadable fetch task: " + e.getMessage());
        }
        ChannelRegistry.Channel channel = channels.find(task.channelId()).orElse(null);
        if (channel == null) {
            return new FetchOutcome.Dead("channel '" + task.channelId() + "' is not enabled on this hub");
        }
        FetchSource source = channel.connector().fetchSource().orElse(null);
        if (source == null) {
            return new FetchOutcome.Dead("channel '" + task.channelId() + "' (system " + channel.context().system()
                    + ") cannot fetch: its connector has no fetch source");
        }
        String notification = task.notificationKey();
        if (notification != null && notifications.contains(notification)) {
            duplicates.incrementAndGet();
            LOG.debug("channel '{}': notification {} already fetched", task.channelId(), task.ref().notificationId());
            return FetchOutcome.Sent.nothing();
        }
        MappingResult result;
        try {
            result = source.fetch(task.ref(), channel.context(), task.receivedAt());
            fetched.incrementAndGet();
        } catch (FetchException e) {
            LOG.warn("channel '{}': fetching {} {} failed ({}): {}", task.channelId(), task.ref().objectType(),
                    task.ref().objectId(), e.retryable() ? "will retry" : "dead-lettered", e.getMessage());
            return e.retryable() ? new FetchOutcome.Retry(e.retryAfter(), e.getMessage()) : new FetchOutcome.Dead(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("channel '{}': connector '{}' failed fetching {} {}", task.channelId(), channel.context().system(),
                    task.ref().objectType(), task.ref().objectId(), e);
            return new FetchOutcome.Dead("the connector failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<ChannelEvent> fresh = result.events().stream().filter(event -> !published.contains(event.eventId())).toList();
        // Remembered at once, so a repeat later in the same batch is not published twice; forgotten again
        // (forget) when the broker does not acknowledge, so the retry publishes it.
        List<String> eventIds = fresh.stream().map(ChannelEvent::eventId).toList();
        eventIds.forEach(published::add);
        if (notification != null) {
            notifications.add(notification);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("channel '{}': fetched {} {}: events {}, skipped {}", task.channelId(), task.ref().objectType(),
                    task.ref().objectId(), eventIds, result.skipped().stream().map(MappingResult.Skipped::detail).toList());
        }
        String channelId = task.channelId();
        CompletableFuture<Void> acked = publisher.publishEvents(fresh).thenRun(() -> {
            if (!fresh.isEmpty()) {
                metrics.received(channelId, fresh.size());
            }
        });
        return new FetchOutcome.Sent(acked, eventIds, notification);
    }

    /** Forgets what a reference whose events the broker did not acknowledge had marked as done. */
    void forget(FetchOutcome.Sent sent) {
        sent.eventIds().forEach(published::remove);
        if (sent.notificationKey() != null) {
            notifications.remove(sent.notificationKey());
        }
    }

    /** References fetched so far (successful vendor calls). */
    long fetched() {
        return fetched.get();
    }

    /** Notifications skipped because this hub had fetched them already. */
    long duplicates() {
        return duplicates.get();
    }
}
