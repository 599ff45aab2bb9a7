package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.FanProfilePayload;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders of realistic canonical events for the insight tests: the brand's channels and the glasses. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-20T02:15:00Z");

    /** A configured channel. */
    record Channel(String id, ChannelKind kind, String system) {
    }

    static final Channel STORE_SH = new Channel("store-sh-1", ChannelKind.OFFLINE_DIRECT, "pos-csv");
    static final Channel FRANCHISE_HZ = new Channel("pos-franchise-hz", ChannelKind.OFFLINE_FRANCHISE, "pos-csv");
    static final Channel WEB = new Channel("web-cn", ChannelKind.OWN_ECOMMERCE, "shopify");
    static final Channel TMALL = new Channel("tmall-flagship", ChannelKind.MARKETPLACE, "tmall");
    static final Channel WECHAT = new Channel("wechat-oa-brand", ChannelKind.SOCIAL, "wechat-oa");
    static final Channel DOUYIN = new Channel("douyin-brand", ChannelKind.SOCIAL, "douyin");

    static final List<Channel> ALL = List.of(STORE_SH, FRANCHISE_HZ, WEB, TMALL, WECHAT, DOUYIN);

    static final String AVIATOR = "GL-AVIATOR-BLK";
    static final String ROUND = "GL-ROUND-TORT";
    static final FacilityRef NANJING_ROAD = new FacilityRef("store-sh-1", "Shanghai Nanjing Road");
    static final EmployeeRef LI_NA = new EmployeeRef("clerk-42", "Li Na");

    private Events() {
    }

    static Instant day(double days) {
        return T0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    static ChannelEvent.Builder interaction(Channel channel, InteractionKind kind, Instant at, String... products) {
        List<String> parts = new ArrayList<>(List.of("interaction", kind.name(), at.toString()));
        parts.addAll(List.of(products));
        return base(channel, at, parts.toArray(String[]::new))
                .type(EventType.INTERACTION)
                .payload(InteractionPayload.of(kind, products));
    }

    static ChannelEvent.Builder interaction(Channel channel, InteractionPayload payload, Instant at) {
        return base(channel, at, "interaction", payload.subtype().name(), at.toString(), String.valueOf(payload.hashCode()))
                .type(EventType.INTERACTION)
                .payload(payload);
    }

    static ChannelEvent.Builder order(Channel channel, String orderId, Instant at, long amountMinor, String... products) {
        return orderEvent(EventType.ORDER_PLACED, channel, orderId, at, amountMinor, "paid", products);
    }

    static ChannelEvent.Builder orderEvent(EventType type, Channel channel, String orderId, Instant at, long amountMinor,
                                           String status, String... products) {
        List<OrderLine> lines = new ArrayList<>();
        long perLine = products.length == 0 ? amountMinor : amountMinor / products.length;
        for (int i = 0; i < products.length; i++) {
            long total = i == products.length - 1 ? amountMinor - perLine * (products.length - 1) : perLine;
            lines.add(new OrderLine("L" + (i + 1), products[i], null, null, BigDecimal.ONE, cny(total), null, cny(total)));
        }
        OrderPayload order = new OrderPayload(orderId, null, status, "CNY", lines, null, null, null, null,
                cny(amountMinor), null, null, FulfilmentMode.SHIP, null, null);
        return base(channel, at, "order", orderId, type.name()).type(type).payload(order);
    }

    static ChannelEvent.Builder refund(Channel channel, String orderId, Instant at, long amountMinor) {
        return base(channel, at, "refund", orderId, at.toString())
                .type(EventType.REFUND_ISSUED)
                .payload(new RefundPayload("R-" + orderId + "-" + at.toEpochMilli(), orderId, cny(amountMinor), null,
                        "did not fit", null));
    }

    static ChannelEvent.Builder payment(Channel channel, String orderId, Instant at, long amountMinor, PaymentMethod method) {
        return base(channel, at, "payment", orderId)
                .type(EventType.PAYMENT_CAPTURED)
                .payload(new PaymentPayload("P-" + orderId, orderId, cny(amountMinor), method,
                        method.name().toLowerCase(java.util.Locale.ROOT)));
    }

    static ChannelEvent.Builder profile(Channel channel, Instant at, Map<String, Boolean> consents) {
        return base(channel, at, "profile", at.toString())
                .type(EventType.FAN_PROFILE_UPDATED)
                .payload(new FanProfilePayload(consents, List.of()));
    }

    static Money cny(long minor) {
        return new Money(minor, "CNY");
    }

    static FanEvent of(String fanId, ChannelEvent.Builder builder) {
        return new FanEvent(fanId, builder.build());
    }

    private static ChannelEvent.Builder base(Channel channel, Instant at, String... externalId) {
        return ChannelEvent.builder()
                .channel(channel.id(), channel.kind(), channel.system())
                .externalId(externalId)
                .occurredAt(at)
                .receivedAt(at.plusSeconds(2));
    }
}
