package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderPayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credits an order earns: commission for the employee who served it on his own channel, and
 * referral commission for the employees who touched the fan on another channel within the window.
 */
final class OrderCrediting {

    private final List<IncentivePlan> plans;
    private final AttributionStore store;

    OrderCrediting(List<IncentivePlan> plans, AttributionStore store) {
        this.plans = plans;
        this.store = store;
    }

    List<Booking.Credit> creditsFor(String fanId, ChannelEvent event, OrderPayload order) {
        List<Booking.Credit> credits = new ArrayList<>();
        String orderRef = orderRef(event.channelId(), order.orderId());
        Instant at = event.occurredAt();
        if (event.employee() != null) {
            for (IncentivePlan plan : plans) {
                if (plan.saleCommission() != null && plan.appliesTo(event.channelKind(), at)) {
                    Money commission = plan.saleCommission().commissionOn(order);
                    if (commission != null && !commission.isZero()) {
                        credits.add(new Booking.Credit(event.eventId(), at, event.employee().id(), event.channelId(),
                                event.channelKind(), IncentiveEngine.facilityOf(event), CreditKind.SALE_COMMISSION, "sale", Amount.of(commission),
                                plan.planId(), fanId, orderRef));
                    }
                }
            }
        }
        List<Touch> touches = store.touches(fanId, order.referralCode());
        if (!touches.isEmpty()) {
            for (IncentivePlan plan : plans) {
                if (plan.referral() != null) {
                    referralCredits(plan, touches, fanId, event, order, orderRef, credits);
                }
            }
        }
        return credits;
    }

    private void referralCredits(IncentivePlan plan, List<Touch> touches, String fanId, ChannelEvent event,
                                 OrderPayload order, String orderRef, List<Booking.Credit> credits) {
        ReferralRule rule = plan.referral();
        Instant at = event.occurredAt();
        List<Touch> eligible = new ArrayList<>();
        for (Touch t : touches) {
            boolean inWindow = !t.at().isAfter(at) && !at.isAfter(t.at().plus(rule.window()));
            if (inWindow && !t.channelId().equals(event.channelId()) && rule.touchSubtypes().contains(t.subtype())
                    && plan.appliesTo(t.channelKind(), at)) {
                eligible.add(t); // oldest first, as the book keeps them
            }
        }
        if (eligible.isEmpty()) {
            return;
        }
        Money commission = rule.commission().commissionOn(order);
        if (commission == null || commission.isZero()) {
            return;
        }
        List<Touch> credited = switch (rule.model()) {
            case FIRST_TOUCH -> List.of(eligible.get(0));
            case LAST_TOUCH -> List.of(eligible.get(eligible.size() - 1));
            case SPLIT -> firstTouchOfEachEmployee(eligible);
        };
        long[] shares = Shares.splitEvenly(commission.amountMinor(), credited.size());
        for (int i = 0; i < credited.size(); i++) {
            Touch t = credited.get(i);
            if (shares[i] != 0) {
                credits.add(new Booking.Credit(event.eventId(), at, t.employeeId(), t.channelId(), t.channelKind(), t.facilityId(),
                        CreditKind.REFERRAL_COMMISSION, "referral", new Amount(shares[i], commission.currency()),
                        plan.planId(), fanId, orderRef));
            }
        }
    }

    private static List<Touch> firstTouchOfEachEmployee(List<Touch> touches) {
        Map<String, Touch> first = new LinkedHashMap<>();
        for (Touch t : touches) {
            first.putIfAbsent(t.employeeId(), t);
        }
        return new ArrayList<>(first.values());
    }

    static String orderRef(String channelId, String orderId) {
        return channelId + "/" + orderId;
    }
}
