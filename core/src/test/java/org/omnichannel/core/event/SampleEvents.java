package org.omnichannel.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One realistic event of every type and interaction subtype: the seed scenario of the design. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-20T02:15:00Z");

    private SampleEvents() {
    }

    static List<ChannelEvent> all() {
        List<ChannelEvent> events = new ArrayList<>();
        events.add(order(EventType.ORDER_PLACED));
        events.add(order(EventType.ORDER_UPDATED));
        events.add(order(EventType.ORDER_CANCELLED));
        events.add(base("web-cn", ChannelKind.OWN_ECOMMERCE, "shopify", "refund", "9001")
                .type(EventType.REFUND_ISSUED)
                .payload(new RefundPayload("9001", "4711", new Money(129900, "CNY"),
                        List.of(new RefundLine("L1", "GL-AVIATOR-BLK", BigDecimal.ONE, new Money(129900, "CNY"))),
                        "did not fit", new FacilityRef("store-sh-1", "Shanghai Nanjing Road")))
                .build());
        events.add(base("alipay-cn", ChannelKind.OWN_ECOMMERCE, "alipay", "payment", "2026112022001")
                .type(EventType.PAYMENT_CAPTURED)
                .identity(new Identity(IdentityType.ALIPAY_USER_ID, "2088102122524333", null, true))
                .payload(new PaymentPayload("2026112022001", "4711", new Money(129900, "CNY"), PaymentMethod.ALIPAY, "alipay"))
                .build());
        for (InteractionKind kind : InteractionKind.values()) {
            events.add(interaction(kind));
        }
        events.add(base("wechat-oa-brand", ChannelKind.SOCIAL, "wechat-oa", "link", "oA1", "u9")
                .type(EventType.IDENTITY_LINKED)
                .identity(new Identity(IdentityType.WECHAT_OPENID, "oA1-xiaoming", "wx-brand-oa", true))
                .identity(new Identity(IdentityType.WECHAT_UNIONID, "u9-xiaoming", null, true))
                .payload(new IdentityLinkPayload("wechat-unionid", true))
                .build());
        events.add(base("pos-franchise-hz", ChannelKind.OFFLINE_FRANCHISE, "pos-csv", "stock", "hz-1", "881")
                .type(EventType.STOCK_ADJUSTED)
                .facility(new FacilityRef("store-hz-1", null))
                .payload(new StockAdjustmentPayload("GL-AVIATOR-BLK", null, new FacilityRef("store-hz-1", null),
                        StockReason.COUNT, null, new BigDecimal("7"), new BigDecimal("5")))
                .build());
        events.add(base("web-cn", ChannelKind.OWN_ECOMMERCE, "shopify", "customer", "77")
                .type(EventType.FAN_PROFILE_UPDATED)
                .identity(IdentityType.EMAIL, "Wang.Xiaoming@example.com")
                .person(new PersonDetails("王小明", "小明", "王", LocalDate.of(1990, 4, 1), null, "zh-CN", null))
                .payload(new FanProfilePayload(Map.of("email", true, "sms", false), List.of("VIP")))
                .build());
        return events;
    }

    static ChannelEvent order(EventType type) {
        Address shipTo = new Address("王小明", "南京东路 100 号", null, "上海", "上海", "200001", "CN", "+8613800138000");
        OrderPayload order = new OrderPayload("4711", "#1001", "paid", "CNY",
                List.of(new OrderLine("L1", "GL-AVIATOR-BLK", null, "Aviator glasses, black", BigDecimal.ONE,
                        new Money(139900, "CNY"), new Money(10000, "CNY"), new Money(129900, "CNY"))),
                new Money(129900, "CNY"), new Money(10000, "CNY"), Money.zero("CNY"), null, new Money(129900, "CNY"),
                shipTo, shipTo, FulfilmentMode.SHIP, null, "REF-CLERK-42");
        return base("web-cn", ChannelKind.OWN_ECOMMERCE, "shopify", "order", "4711", type.name())
                .type(type)
                .identity(IdentityType.EMAIL, "wang.xiaoming@example.com")
                .identity(IdentityType.PHONE, "138 0013 8000")
                .person(new PersonDetails("王先生", null, "王", null, null, "zh-CN", shipTo))
                .payload(order)
                .raw(new RawReference("kafka:omni.raw/web-cn/4711",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "application/json"))
                .build();
    }

    static ChannelEvent interaction(InteractionKind kind) {
        ChannelEvent.Builder b = base("store-sh-1", ChannelKind.OFFLINE_DIRECT, "pos-csv", "interaction", kind.name())
                .type(EventType.INTERACTION)
                .identity(new Identity(IdentityType.WECHAT_OPENID, "oA1-xiaoming", "wx-brand-oa", true))
                .identity(IdentityType.PHONE, "+86 138 0013 8000")
                .person(PersonDetails.named("小明"))
                .employee(new EmployeeRef("clerk-42", "Li Na"))
                .facility(new FacilityRef("store-sh-1", "Shanghai Nanjing Road"));
        InteractionPayload payload = kind == InteractionKind.REFERRAL
                ? new InteractionPayload(kind, List.of("GL-AVIATOR-BLK"), null, "REF-CLERK-42", "web-cn",
                null, null, Map.of("reason", "out of stock in store"))
                : new InteractionPayload(kind, List.of("GL-AVIATOR-BLK"), null, null, null,
                kind == InteractionKind.COMPLAINT ? "镜腿松了" : null, 600L, null);
        return b.payload(payload).build();
    }

    private static ChannelEvent.Builder base(String channel, ChannelKind kind, String system, String... externalId) {
        return ChannelEvent.builder()
                .channel(channel, kind, system)
                .externalId(externalId)
                .occurredAt(T0)
                .receivedAt(T0.plusSeconds(2));
    }
}
