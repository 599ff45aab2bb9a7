package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.RefundPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The brand of the tests: a direct store in Shanghai (store-sh-1), a franchise store in Hangzhou
 * (store-hz-1), the web shop (web-cn); clerks Li Na and Zhang Wei in Shanghai, Chen Jie in
 * Hangzhou (franchisee "hz-partners"). Periods are months in Asia/Shanghai.
 */
final class Scenario {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String STORE_SH = "store-sh-1";
    static final String STORE_HZ = "store-hz-1";
    static final String WEB = "web-cn";

    static final EmployeeDirectory DIRECTORY = EmployeeDirectory.of(Map.of(
            "li-na", new EmployeeAssignment("li-na", "dept-sh-retail", null),
            "zhang-wei", new EmployeeAssignment("zhang-wei", "dept-sh-retail", null),
            "chen-jie", new EmployeeAssignment("chen-jie", "dept-franchise", "hz-partners")));

    private int sequence;

    final InMemoryCreditLedger ledger = new InMemoryCreditLedger();
    final IncentiveEngine engine;

    Scenario(IncentivePlan... plans) {
        engine = new IncentiveEngine(List.of(plans), DIRECTORY, PeriodCalendar.monthly(SHANGHAI), ledger);
    }

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** A plan valid from 2026 on for the given channel kinds. */
    static IncentivePlan plan(String id, List<ChannelKind> kinds, List<ActivityRule> activities,
                              CommissionRule sale, ReferralRule referral) {
        return new IncentivePlan(id, null, java.util.Set.copyOf(kinds), Instant.parse("2026-01-01T00:00:00Z"), null,
                activities, sale, referral);
    }

    List<LedgerEntry> interaction(String fanId, String channelId, String employeeId, InteractionKind kind,
                                  String when, Map<String, String> attributes, String referralCode, String phone) {
        ChannelEvent.Builder b = base(channelId, EventType.INTERACTION, when).employee(new EmployeeRef(employeeId, null))
                .facility(new FacilityRef(channelId, null))
                .identity(IdentityType.PHONE, phone)
                .payload(new InteractionPayload(kind, List.of("GL-AVIATOR-BLK"), null, referralCode,
                        kind == InteractionKind.REFERRAL ? WEB : null, null, null, attributes));
        return engine.record(new AttributedEvent(fanId, b.build()));
    }

    List<LedgerEntry> visit(String fanId, String channelId, String employeeId, InteractionKind kind, String when) {
        return interaction(fanId, channelId, employeeId, kind, when, Map.of(), null, null);
    }

    List<LedgerEntry> referral(String fanId, String channelId, String employeeId, String when, String code) {
        return interaction(fanId, channelId, employeeId, InteractionKind.REFERRAL, when,
                Map.of("reason", "out of stock in store"), code, null);
    }

    ChannelEvent orderEvent(EventType type, String channelId, String orderId, String employeeId, String when,
                            Money total, String referralCode) {
        OrderPayload order = new OrderPayload(orderId, null, null, total.currency(),
                List.of(new OrderLine("L1", "GL-AVIATOR-BLK", null, null, BigDecimal.ONE, total, null, total)),
                total, null, null, null, total, null, null, null, null, referralCode);
        ChannelEvent.Builder b = base(channelId, type, when).payload(order);
        if (employeeId != null) {
            b.employee(new EmployeeRef(employeeId, null)).facility(new FacilityRef(channelId, null));
        }
        return b.build();
    }

    List<LedgerEntry> order(String fanId, String channelId, String orderId, String employeeId, String when, Money total) {
        return engine.record(new AttributedEvent(fanId,
                orderEvent(EventType.ORDER_PLACED, channelId, orderId, employeeId, when, total, null)));
    }

    List<LedgerEntry> cancel(String channelId, String orderId, String when, Money total) {
        return engine.record(AttributedEvent.anonymous(
                orderEvent(EventType.ORDER_CANCELLED, channelId, orderId, null, when, total, null)));
    }

    List<LedgerEntry> refund(String channelId, String orderId, String when, Money amount) {
        return engine.record(AttributedEvent.anonymous(refundEvent(channelId, orderId, when, amount)));
    }

    ChannelEvent refundEvent(String channelId, String orderId, String when, Money amount) {
        return base(channelId, EventType.REFUND_ISSUED, when)
                .payload(new RefundPayload("r" + sequence, orderId, amount, null, null, null)).build();
    }

    private ChannelEvent.Builder base(String channelId, EventType type, String when) {
        ChannelKind kind = switch (channelId) {
            case STORE_SH -> ChannelKind.OFFLINE_DIRECT;
            case STORE_HZ -> ChannelKind.OFFLINE_FRANCHISE;
            default -> ChannelKind.OWN_ECOMMERCE;
        };
        Instant occurred = at(when);
        return ChannelEvent.builder().channel(channelId, kind, "test")
                .externalId("event", Integer.toString(++sequence))
                .type(type).occurredAt(occurred).receivedAt(occurred);
    }

    static long sum(List<LedgerEntry> entries) {
        return entries.stream().mapToLong(e -> e.amount().value()).sum();
    }
}
