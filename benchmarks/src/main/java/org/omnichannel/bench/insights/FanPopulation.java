package org.omnichannel.bench.insights;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.fan.insight.Activity;
import org.omnichannel.core.fan.insight.FanEvent;
import org.omnichannel.core.fan.insight.TimelineEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic population of fans for the insights benchmark: each fan's events are
 * drawn from a random generator seeded by the fan's number, so any fan can be generated on its own
 * (streaming: nothing of the population is held) and the same run gives the same figures.
 * Mix: 70% interactions of every kind, 20% orders, 5% payments, 5% refunds; six channels of all
 * five kinds; up to two years back.
 */
public final class FanPopulation {

    private record Channel(String id, ChannelKind kind, String system, String facility) {
    }

    private static final Channel[] CHANNELS = {
            new Channel("store-sh-1", ChannelKind.OFFLINE_DIRECT, "pos-csv", "store-sh-1"),
            new Channel("pos-franchise-hz", ChannelKind.OFFLINE_FRANCHISE, "pos-csv", "store-hz-1"),
            new Channel("web-cn", ChannelKind.OWN_ECOMMERCE, "shopify", null),
            new Channel("tmall-flagship", ChannelKind.MARKETPLACE, "tmall", null),
            new Channel("wechat-oa-brand", ChannelKind.SOCIAL, "wechat-oa", null),
            new Channel("douyin-brand", ChannelKind.SOCIAL, "douyin", null)};
    private static final InteractionKind[] KINDS = InteractionKind.values();
    private static final String[] PRODUCTS = {"GL-AVIATOR-BLK", "GL-ROUND-TORT", "GL-CAT-RED", "GL-SPORT-BLU",
            "GL-READER-15", "GL-KIDS-PNK", "SUN-WAYF-BLK", "SUN-CLUB-TORT"};
    private static final long TWO_YEARS_MS = 2L * 365 * 24 * 3600 * 1000;

    private final Instant now;
    private final long seed;

    public FanPopulation(Instant now, long seed) {
        this.now = now;
        this.seed = seed;
    }

    public static String fanId(long n) {
        return "fan-" + n;
    }

    /** The stored timeline of fan {@code n}: {@code events} entries, as OFBiz would read them back. */
    public List<TimelineEntry> timeline(long n, int events) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
        List<TimelineEntry> entries = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            Channel ch = CHANNELS[r.nextInt(CHANNELS.length)];
            Instant at = now.minusMillis(r.nextLong(TWO_YEARS_MS));
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            int roll = r.nextInt(100);
            String eventId = "e-" + n + "-" + i;
            if (roll < 70) {
                entries.add(new TimelineEntry(eventId, at, ch.id(), ch.kind(), Activity.of(KINDS[r.nextInt(KINDS.length)]),
                        ch.facility(), null, List.of(product), null, null, null, null, null, null));
            } else {
                Activity activity = roll < 90 ? Activity.ORDER_PLACED : roll < 95 ? Activity.PAYMENT : Activity.REFUND;
                Money amount = new Money(1_000 + r.nextLong(300_000), "CNY");
                entries.add(new TimelineEntry(eventId, at, ch.id(), ch.kind(), activity, ch.facility(), null,
                        List.of(product), "o-" + n + "-" + (i / 3), amount, null, null, null, null));
            }
        }
        return entries;
    }

    /**
     * One live event for fan {@code n} at {@code at}: an interaction (70%) or an order (30%), as a
     * connector would deliver it. Event ids are made from the fan and a sequence number.
     */
    public FanEvent liveEvent(long n, long sequence, Instant at, SplittableRandom r) {
        Channel ch = CHANNELS[r.nextInt(CHANNELS.length)];
        String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
        ChannelEvent.Builder b = ChannelEvent.builder().channel(ch.id(), ch.kind(), ch.system())
                .eventId("live-" + n + "-" + sequence).occurredAt(at).receivedAt(at);
        if (ch.facility() != null) {
            b.facility(new FacilityRef(ch.facility(), null));
        }
        if (r.nextInt(10) < 7) {
            b.type(EventType.INTERACTION).payload(InteractionPayload.of(KINDS[r.nextInt(KINDS.length)], product));
        } else {
            Money total = new Money(1_000 + r.nextLong(300_000), "CNY");
            b.type(EventType.ORDER_PLACED).payload(new OrderPayload("o-live-" + n + "-" + sequence, null, "paid", "CNY",
                    List.of(new OrderLine("1", product, null, null, BigDecimal.ONE, total, null, total)), null, null,
                    null, null, total, null, null, FulfilmentMode.SHIP, null, null));
        }
        return new FanEvent(fanId(n), b.build());
    }
}
