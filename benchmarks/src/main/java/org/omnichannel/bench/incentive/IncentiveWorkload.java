package org.omnichannel.bench.incentive;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.RefundPayload;
import org.omnichannel.core.incentive.ActivityKind;
import org.omnichannel.core.incentive.ActivityRule;
import org.omnichannel.core.incentive.Amount;
import org.omnichannel.core.incentive.AttributedEvent;
import org.omnichannel.core.incentive.AttributionModel;
import org.omnichannel.core.incentive.CommissionRule;
import org.omnichannel.core.incentive.EmployeeAssignment;
import org.omnichannel.core.incentive.EmployeeDirectory;
import org.omnichannel.core.incentive.IncentivePlan;
import org.omnichannel.core.incentive.ReferralRule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A month of a brand's traffic, generated from a fixed seed: ten employees a store, one store in
 * five a franchise, fans who try on, get referred, buy in the store and online, and return things.
 * Mix: 30% try-ons and visits with contact details, 10% referrals to the web shop, 10% service
 * calls, 20% store sales, 20% web orders, 7% refunds, 3% cancellations.
 */
public final class IncentiveWorkload {

    public static final Instant MONTH_START = Instant.parse("2026-10-31T16:00:00Z"); // 1 Nov, Shanghai
    private static final long MONTH_SECONDS = Duration.ofDays(30).toSeconds();

    private final int events;
    private final int employees;
    private final int fans;
    private final Random random = new Random(42);
    private final List<String[]> orders = new ArrayList<>(); // channelId, orderId, totalMinor
    private int next;

    public IncentiveWorkload(int events, int employees) {
        if (events <= 0 || employees < 10) {
            throw new IllegalArgumentException("need events > 0 and at least 10 employees, got " + events + " and " + employees);
        }
        this.events = events;
        this.employees = employees;
        this.fans = Math.max(100, events / 5);
    }

    public static List<IncentivePlan> plans() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        CommissionRule tiered = new CommissionRule("CNY", List.of(new CommissionRule.Tier(0, 200),
                new CommissionRule.Tier(100_000, 400)), 20_000L);
        ReferralRule referral = new ReferralRule(Duration.ofDays(14), AttributionModel.SPLIT,
                Set.of(InteractionKind.REFERRAL, InteractionKind.TRY_ON), CommissionRule.percent(500));
        IncentivePlan direct = new IncentivePlan("direct", "Own stores", Set.of(ChannelKind.OFFLINE_DIRECT), from, null,
                List.of(ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.points(10)),
                        ActivityRule.of("try-on", ActivityKind.TRY_ON, Amount.points(1)),
                        new ActivityRule("service", ActivityKind.SERVICE_CALL, Map.of("outcome", "resolved"),
                                Amount.of(Money.of("5.00", "CNY")))),
                tiered, referral);
        IncentivePlan franchise = new IncentivePlan("franchise", "Franchise stores", Set.of(ChannelKind.OFFLINE_FRANCHISE),
                from, null, List.of(ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.of(Money.of("2.00", "CNY")))),
                null, ReferralRule.of(Duration.ofDays(14), AttributionModel.LAST_TOUCH, CommissionRule.percent(800)));
        return List.of(direct, franchise);
    }

    public EmployeeDirectory directory() {
        Map<String, EmployeeAssignment> map = new HashMap<>();
        for (int e = 0; e < employees; e++) {
            int store = e / 10;
            map.put(employee(e), new EmployeeAssignment(employee(e), "dept-" + store / 10,
                    isFranchise(store) ? "franchisee-" + store : null));
        }
        return EmployeeDirectory.of(map);
    }

    public boolean hasNext() {
        return next < events;
    }

    /** The next chunk of at most {@code size} events. */
    public List<AttributedEvent> nextChunk(int size) {
        List<AttributedEvent> chunk = new ArrayList<>(size);
        while (next < events && chunk.size() < size) {
            chunk.add(event(next++));
        }
        return chunk;
    }

    private AttributedEvent event(int i) {
        Instant at = MONTH_START.plusSeconds(i * MONTH_SECONDS / events);
        int e = random.nextInt(employees);
        int store = e / 10;
        String fan = "fan-" + random.nextInt(fans);
        int roll = random.nextInt(100);
        if (roll < 30) {
            return interaction(i, at, e, fan, roll < 20 ? InteractionKind.TRY_ON : InteractionKind.VISIT, Map.of(), true);
        } else if (roll < 40) {
            return interaction(i, at, e, fan, InteractionKind.REFERRAL, Map.of("reason", "out of stock"), false);
        } else if (roll < 50) {
            return interaction(i, at, e, fan, InteractionKind.SERVICE_CALL,
                    Map.of("outcome", roll < 47 ? "resolved" : "escalated"), false);
        } else if (roll < 70) {
            return order(i, at, storeChannel(store), storeKind(store), employee(e), roll < 60 ? fan : null);
        } else if (roll < 90 || orders.isEmpty()) {
            return order(i, at, "web-cn", ChannelKind.OWN_ECOMMERCE, null, fan);
        } else {
            String[] order = orders.get(random.nextInt(orders.size()));
            long total = Long.parseLong(order[2]);
            ChannelKind kind = order[0].equals("web-cn") ? ChannelKind.OWN_ECOMMERCE
                    : storeKind(Integer.parseInt(order[0].substring("store-".length())));
            if (roll < 97) {
                long amount = 1 + random.nextInt((int) Math.min(total, Integer.MAX_VALUE));
                return new AttributedEvent(null, base(i, at, order[0], kind, EventType.REFUND_ISSUED)
                        .payload(new RefundPayload("r" + i, order[1], new Money(amount, "CNY"), null, null, null)).build());
            }
            return new AttributedEvent(null, base(i, at, order[0], kind, EventType.ORDER_CANCELLED)
                    .payload(orderPayload(order[1], total, null)).build());
        }
    }

    private AttributedEvent interaction(int i, Instant at, int e, String fan, InteractionKind kind,
                                        Map<String, String> attributes, boolean withPhone) {
        int store = e / 10;
        ChannelEvent.Builder b = base(i, at, storeChannel(store), storeKind(store), EventType.INTERACTION)
                .employee(new EmployeeRef(employee(e), null))
                .facility(new FacilityRef(storeChannel(store), null))
                .payload(new InteractionPayload(kind, List.of(), null, null,
                        kind == InteractionKind.REFERRAL ? "web-cn" : null, null, null, attributes));
        if (withPhone) {
            b.identity(Identity.of(IdentityType.PHONE, "+86138" + fan.substring(4)));
        }
        return new AttributedEvent(fan, b.build());
    }

    private AttributedEvent order(int i, Instant at, String channelId, ChannelKind kind, String employeeId, String fan) {
        long total = 5_000 + random.nextInt(300_000);
        String orderId = "o" + i;
        orders.add(new String[]{channelId, orderId, Long.toString(total)});
        ChannelEvent.Builder b = base(i, at, channelId, kind, EventType.ORDER_PLACED).payload(orderPayload(orderId, total, null));
        if (employeeId != null) {
            b.employee(new EmployeeRef(employeeId, null));
        }
        return new AttributedEvent(fan, b.build());
    }

    private static OrderPayload orderPayload(String orderId, long totalMinor, String referralCode) {
        Money total = new Money(totalMinor, "CNY");
        return new OrderPayload(orderId, null, null, "CNY",
                List.of(new OrderLine("L1", "GL-AVIATOR-BLK", null, null, BigDecimal.ONE, total, null, total)),
                total, null, null, null, total, null, null, null, null, referralCode);
    }

    private static ChannelEvent.Builder base(int i, Instant at, String channelId, ChannelKind kind, EventType type) {
        return ChannelEvent.builder().channel(channelId, kind, "bench").eventId("bench-" + i)
                .type(type).occurredAt(at).receivedAt(at);
    }

    static String employee(int e) {
        return "e-" + e;
    }

    private static String storeChannel(int store) {
        return "store-" + store;
    }

    private static boolean isFranchise(int store) {
        return store % 5 == 0;
    }

    private static ChannelKind storeKind(int store) {
        return isFranchise(store) ? ChannelKind.OFFLINE_FRANCHISE : ChannelKind.OFFLINE_DIRECT;
    }
}
