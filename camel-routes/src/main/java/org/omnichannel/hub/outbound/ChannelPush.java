package org.omnichannel.hub.outbound;

import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.delivery.Backoff;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Pushes one channel's {@link PushPlan}: builds each unit's requests with the channel's connector and sends
 * them within the channel's {@link TokenBucket}, waiting out 429s (Retry-After) and backing off
 * exponentially on 5xx and I/O. Returns once every message is settled: confirmed, counted unsupported or
 * dead-lettered. Throws {@link Abandoned} when the hub stops first (nothing is committed then).
 */
final class ChannelPush {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPush.class);

    /** Where a message goes that the vendor will not take. */
    interface DeadLetters {
        void send(PushPlan.Pending pending, String reason, int vendorStatus);
    }

    /** Waits unless the hub is stopping. */
    interface Waiter {
        /** False when the hub is stopping. */
        boolean await(Duration wait) throws InterruptedException;
    }

    /** The hub stopped during the push. */
    static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final ChannelRegistry.Channel channel;
    private final TokenBucket bucket;
    private final VendorSender sender;
    private final OutboundSettings settings;
    private final HubMetrics metrics;
    private final DeadLetters deadLetters;
    private final Waiter waiter;
    private final OutboundStatus status;

    ChannelPush(ChannelRegistry.Channel channel, TokenBucket bucket, VendorSender sender, OutboundSettings settings,
                HubMetrics metrics, DeadLetters deadLetters, Waiter waiter, OutboundStatus status) {
        this.channel = channel;
        this.bucket = bucket;
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.waiter = waiter;
        this.status = status;
    }

    void push(PushPlan plan) throws Abandoned, InterruptedException {
        if (!plan.superseded().isEmpty()) {
            metrics.outbound(channel.id(), "coalesced", plan.superseded().size());
        }
        for (PushPlan.Unit unit : plan.units()) {
            List<OutboundRequest> requests = build(unit);
            if (requests == null) {
                continue;
            }
            if (requests.isEmpty()) {
                metrics.outbound(channel.id(), "unsupported", unit.messages().size());
                LOG.warn("channel '{}' ({}) cannot take {} {}: counted as unsupported, not sent", channel.id(),
                        channel.connector().system(), kind(unit), ids(unit));
                continue;
            }
            VendorAnswer refusal = null;
            OutboundRequest failed = null;
            for (OutboundRequest request : requests) {
                VendorAnswer answer = sendUntilSettled(request);
                if (!(answer instanceof VendorAnswer.Confirmed)) {
                    refusal = answer;
                    failed = request;
                    break;
                }
            }
            if (refusal == null) {
                metrics.outbound(channel.id(), "sent", unit.messages().size());
                LOG.debug("channel '{}': sent {}", channel.id(), ids(unit));
            } else {
                String reason = reason(refusal, failed);
                int vendorStatus = refusal instanceof VendorAnswer.Refused refused ? refused.status() : 0;
                for (PushPlan.Pending pending : unit.messages()) {
                    deadLetters.send(pending, reason, vendorStatus);
                }
                metrics.outbound(channel.id(), "dead-lettered", unit.messages().size());
            }
        }
        status.settled(channel.id());
    }

    /** The unit's requests; null when they cannot be built and the messages went to the DLQ. */
    private List<OutboundRequest> build(PushPlan.Unit unit) throws Abandoned, InterruptedException {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
        while (true) {
            try {
                return unit.stockBatch() ? channel.connector().outboundStock(unit.levels(), channel.context())
                        : channel.connector().outbound(unit.messages().get(0).message(), channel.context());
            } catch (IllegalArgumentException | IllegalStateException e) {
                // The message or the channel's configuration is wrong: retrying the same will not help.
                for (PushPlan.Pending pending : unit.messages()) {
                    deadLetters.send(pending, e.getMessage(), 0);
                }
                metrics.outbound(channel.id(), "dead-lettered", unit.messages().size());
                return null;
            } catch (RuntimeException e) {
                // A token endpoint that is down or throttling: like a 5xx.
                String reason = "building the " + channel.connector().system() + " request failed: " + e.getMessage();
                if (System.nanoTime() - deadline > 0) {
                    for (PushPlan.Pending pending : unit.messages()) {
                        deadLetters.send(pending, "gave up after " + settings.giveUpAfter().toSeconds() + " s: " + reason, 0);
                    }
                    metrics.outbound(channel.id(), "dead-lettered", unit.messages().size());
                    return null;
                }
                metrics.outbound(channel.id(), "retried", unit.messages().size());
                pause(backoff.next(), reason);
            }
        }
    }

    private VendorAnswer sendUntilSettled(OutboundRequest request) throws Abandoned, InterruptedException {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
        while (true) {
            for (Duration wait = bucket.tryTake(); !wait.isZero(); wait = bucket.tryTake()) {
                if (!waiter.await(wait)) {
                    throw new Abandoned();
                }
            }
            VendorAnswer answer = sender.send(request, bucket);
            String reason;
            if (answer instanceof VendorAnswer.Throttled throttled) {
                Duration wait = throttled.retryAfter() != null ? throttled.retryAfter() : backoff.next();
                bucket.pause(wait);
                metrics.outbound(channel.id(), "throttled", 1);
                reason = request + " answered HTTP " + throttled.status() + ", retry after " + wait.toMillis() + " ms";
                LOG.info("channel '{}': {}", channel.id(), reason);
                status.waiting(channel.id(), reason);
            } else if (answer instanceof VendorAnswer.Unavailable unavailable) {
                reason = unavailable.reason();
                metrics.outbound(channel.id(), "retried", 1);
                pause(backoff.next(), reason);
            } else {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                return new VendorAnswer.GaveUp("gave up after " + settings.giveUpAfter().toSeconds() + " s: " + reason);
            }
        }
    }

    private void pause(Duration wait, String reason) throws Abandoned, InterruptedException {
        LOG.warn("channel '{}': {}; next attempt in {} ms", channel.id(), reason, wait.toMillis());
        status.waiting(channel.id(), reason);
        if (!waiter.await(wait)) {
            throw new Abandoned();
        }
    }

    private String reason(VendorAnswer answer, OutboundRequest request) {
        if (answer instanceof VendorAnswer.Refused refused) {
            return channel.connector().system() + " answered HTTP " + refused.status() + " to " + request.method() + " "
                    + request.uri().getPath() + ": " + refused.excerpt();
        }
        return ((VendorAnswer.GaveUp) answer).reason();
    }

    private static String kind(PushPlan.Unit unit) {
        return unit.messages().get(0).message() instanceof OutboundMessage.StockLevel ? "stock levels" : "fulfilments";
    }

    private static List<String> ids(PushPlan.Unit unit) {
        return unit.messages().stream().map(p -> p.message().messageId()).toList();
    }
}
