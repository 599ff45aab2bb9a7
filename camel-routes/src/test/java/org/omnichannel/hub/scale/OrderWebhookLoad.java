package org.omnichannel.hub.scale;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.hub.support.GenericWebhooks;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded, steady stream of signed order webhooks, as a shop sends them through a load
 * balancer: {@code orders} orders of {@code eventsPerOrder} events each (placed, then updated
 * with an increasing sequence), at most {@code perSecond} first attempts a second. One order's
 * events are sent one after the other (the next only after the hub acknowledged the previous, as
 * a vendor does), different orders in parallel. A webhook not answered 202 (connection refused, a
 * hub stopping) is sent again to the next hub, as a load balancer fails over and a vendor retries.
 * Orders from {@code heldFrom} on start only once {@link #release()} is called, so a test can be
 * sure part of the stream comes after an event of its own (a hub stopped), however slow the machine.
 */
final class OrderWebhookLoad implements AutoCloseable {

    /** An event a hub acknowledged with 202: from then on it must reach OFBiz. */
    record Acknowledged(String eventId, String orderId, int sequence, String hubUrl) {
    }

    private static final int MAX_ATTEMPTS = 20;

    private final List<String> hubUrls;
    private final String channelId;
    private final String secret;
    private final int orders;
    private final int eventsPerOrder;
    private final int threads;
    private final long periodMicros;
    private final Semaphore pace = new Semaphore(0);
    private final AtomicInteger nextOrder = new AtomicInteger();
    private final AtomicInteger nextHub = new AtomicInteger();
    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final int heldFrom;
    private final CountDownLatch held = new CountDownLatch(1);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders;
    private int finishedSenders;
    private int retries;

    /**
     * @param hubUrls  the hubs' base URLs, tried in turn
     * @param heldFrom the first order held back until {@link #release()}
     */
    OrderWebhookLoad(List<String> hubUrls, String channelId, String secret, int orders, int eventsPerOrder, int heldFrom,
                     int threads, int perSecond) {
        this.hubUrls = List.copyOf(hubUrls);
        this.channelId = channelId;
        this.secret = secret;
        this.orders = orders;
        this.eventsPerOrder = eventsPerOrder;
        this.heldFrom = heldFrom;
        this.threads = threads;
        this.periodMicros = TimeUnit.SECONDS.toMicros(1) / perSecond;
        this.senders = Executors.newFixedThreadPool(threads);
    }

    int total() {
        return orders * eventsPerOrder;
    }

    void start() {
        // A steady pace: permits do not pile up while the hubs are slow, so no burst follows a pause.
        ticker.scheduleAtFixedRate(() -> {
            if (pace.availablePermits() < threads) {
                pace.release();
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        for (int i = 0; i < threads; i++) {
            senders.execute(this::sendOrders);
        }
    }

    private void sendOrders() {
        try {
            for (int order = nextOrder.getAndIncrement(); order < orders; order = nextOrder.getAndIncrement()) {
                if (order >= heldFrom && !held.await(2, TimeUnit.MINUTES)) {
                    return;
                }
                String orderId = "SO-" + (10000 + order);
                for (int sequence = 1; sequence <= eventsPerOrder; sequence++) {
                    pace.acquire();
                    if (!send(event(orderId, sequence), orderId, sequence)) {
                        return; // the order cannot go on: its later events would overtake this one
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                finishedSenders++;
                notifyAll();
            }
        }
    }

    private boolean send(ChannelEvent event, String orderId, int sequence) {
        byte[] body = ChannelEventJson.toBytes(event);
        String lastAnswer = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String hub = hubUrls.get(Math.floorMod(nextHub.getAndIncrement(), hubUrls.size()));
            try {
                HttpResponse<String> answer = GenericWebhooks.post(hub + "/webhooks/" + channelId, body, secret);
                if (answer.statusCode() == 202) {
                    synchronized (this) {
                        acknowledged.add(new Acknowledged(event.eventId(), orderId, sequence, hub));
                        notifyAll();
                    }
                    return true;
                }
                lastAnswer = "HTTP " + answer.statusCode() + " " + answer.body().strip();
            } catch (UncheckedIOException e) {
                lastAnswer = e.getCause().toString();
            }
            synchronized (this) {
                retries++;
            }
        }
        synchronized (this) {
            failures.add(orderId + " #" + sequence + ": no hub acknowledged it in " + MAX_ATTEMPTS + " attempts, last: "
                    + lastAnswer);
        }
        return false;
    }

    private ChannelEvent event(String orderId, int sequence) {
        Instant now = Instant.now();
        return ChannelEvent.builder()
                .channel(channelId, ChannelKind.OWN_ECOMMERCE, "generic")
                .externalId("order", orderId, String.valueOf(sequence))
                .type(sequence == 1 ? EventType.ORDER_PLACED : EventType.ORDER_UPDATED)
                .occurredAt(now)
                .receivedAt(now)
                .payload(new OrderPayload(orderId, null, "step-" + sequence, "EUR", List.of(), null, null, null, null,
                        new Money(1000L * sequence, "EUR"), null, null, null, null, null))
                .build();
    }

    /** Lets the held-back orders go. */
    void release() {
        held.countDown();
    }

    /** Waits until at least {@code count} events were acknowledged; false on timeout or when the load ended short. */
    synchronized boolean awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count && finishedSenders < threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return acknowledged.size() >= count;
    }

    /** Waits until every sender is done; false on timeout. */
    synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finishedSenders < threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Webhooks sent again because a hub did not answer 202. */
    synchronized int retries() {
        return retries;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
