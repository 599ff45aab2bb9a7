package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentPayload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the orders of the offline channels (OFFLINE_DIRECT, OFFLINE_FRANCHISE) and whether each
 * was linked to a fan. An order is linked when any event about it (the order itself, its payment,
 * an interaction naming it) came with a fan id: a till sale rung up anonymously becomes linked
 * when the Alipay or WeChat Pay capture for it names the payer. Events are joined by channel and
 * order id, so redelivered events change nothing.
 */
public final class AnonymousOrderTracker {

    private record OrderKey(String channelId, String orderId) {
    }

    private static final class OfflineOrder {
        Instant placedAt;
        boolean cancelled;
        boolean linked;
        boolean linkedWithIdentity;
        final EnumSet<IdentityType> sources = EnumSet.noneOf(IdentityType.class);
    }

    private final Map<OrderKey, OfflineOrder> orders = new HashMap<>();

    /** Takes an event into account if it is about an offline order; other events are ignored. */
    public void accept(FanEvent fanEvent) {
        ChannelEvent event = fanEvent.event();
        if (!event.channelKind().isOffline()) {
            return;
        }
        String orderId;
        if (event.payload() instanceof OrderPayload o) {
            orderId = o.orderId();
        } else if (event.payload() instanceof PaymentPayload p) {
            orderId = p.orderId();
        } else if (event.payload() instanceof InteractionPayload i) {
            orderId = i.orderId();
        } else {
            return;
        }
        if (orderId == null) {
            return;
        }
        synchronized (this) {
            OfflineOrder order = orders.computeIfAbsent(new OrderKey(event.channelId(), orderId), k -> new OfflineOrder());
            if (event.type() == EventType.ORDER_PLACED || event.type() == EventType.ORDER_UPDATED) {
                if (order.placedAt == null || event.occurredAt().isBefore(order.placedAt)) {
                    order.placedAt = event.occurredAt();
                }
            } else if (event.type() == EventType.ORDER_CANCELLED) {
                order.cancelled = true;
            }
            if (!fanEvent.isAnonymous()) {
                order.linked = true;
                for (Identity identity : event.identities()) {
                    order.sources.add(identity.type());
                    order.linkedWithIdentity = true;
                }
            }
        }
    }

    /** The KPI per period of the given length, periods cut in the given zone. */
    public synchronized AnonymousOrderReport report(PeriodGranularity granularity, ZoneId zone) {
        if (granularity == null || zone == null) {
            throw new IllegalArgumentException("granularity and zone are required");
        }
        Map<LocalDate, Counter> overall = new TreeMap<>();
        Map<String, Map<LocalDate, Counter>> byChannel = new TreeMap<>();
        EnumMap<IdentityType, Long> sources = new EnumMap<>(IdentityType.class);
        orders.forEach((key, order) -> {
            if (order.placedAt == null || order.cancelled) {
                return;
            }
            LocalDate period = granularity.start(order.placedAt, zone);
            overall.computeIfAbsent(period, p -> new Counter()).add(order);
            byChannel.computeIfAbsent(key.channelId(), c -> new TreeMap<>())
                    .computeIfAbsent(period, p -> new Counter()).add(order);
            if (order.linked) {
                order.sources.forEach(s -> sources.merge(s, 1L, Long::sum));
            }
        });
        List<PeriodRate> overallRows = rows(null, overall);
        Map<String, List<PeriodRate>> channelRows = new TreeMap<>();
        byChannel.forEach((channel, periods) -> channelRows.put(channel, rows(channel, periods)));
        return new AnonymousOrderReport(granularity, overallRows, channelRows, slope(overallRows), sources);
    }

    private static List<PeriodRate> rows(String channelId, Map<LocalDate, Counter> periods) {
        List<PeriodRate> rows = new ArrayList<>(periods.size());
        Double previous = null;
        for (Map.Entry<LocalDate, Counter> e : periods.entrySet()) {
            Counter c = e.getValue();
            double rate = (double) c.anonymous / c.orders;
            rows.add(new PeriodRate(channelId, e.getKey(), c.orders, c.anonymous, rate,
                    previous == null ? null : rate - previous, Map.copyOf(c.sources), c.withoutIdentity));
            previous = rate;
        }
        return rows;
    }

    /** Least-squares slope of the rate over the period index (0, 1, 2...). */
    private static double slope(List<PeriodRate> rows) {
        int n = rows.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = rows.stream().mapToDouble(PeriodRate::rate).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (rows.get(i).rate() - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    private static final class Counter {
        long orders;
        long anonymous;
        long withoutIdentity;
        final EnumMap<IdentityType, Long> sources = new EnumMap<>(IdentityType.class);

        void add(OfflineOrder order) {
            orders++;
            if (!order.linked) {
                anonymous++;
                return;
            }
            if (!order.linkedWithIdentity) {
                withoutIdentity++;
            }
            order.sources.forEach(s -> sources.merge(s, 1L, Long::sum));
        }
    }
}
