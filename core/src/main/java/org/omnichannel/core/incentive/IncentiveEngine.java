package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.RefundPayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The incentive engine: turns attributed events into ledger entries under the plans.
 *
 * <ul>
 *   <li>An INTERACTION with an employee earns the activity rules of its subtype, and
 *       {@link ActivityKind#CONTACT_COLLECTED} when it carries contact details of a fan whose
 *       contact nobody had collected yet (the same holds for IDENTITY_LINKED and FAN_PROFILE_UPDATED
 *       events with an employee). It is also remembered as a touch for referrals.</li>
 *   <li>ORDER_PLACED earns sale commission for its employee and referral commission for earlier
 *       touches on other channels (see {@link ReferralRule}); an order is credited once.</li>
 *   <li>REFUND_ISSUED reverses the order's credits in proportion; ORDER_CANCELLED reverses the rest.</li>
 * </ul>
 * Events are idempotent by eventId: a second delivery books nothing. Every entry goes to the
 * period of its event, or to the next open one when that period is closed.
 *
 * <p>What the engine remembers between events (touches, merges, credited orders, fans whose
 * contact was collected, seen event ids) lives in the {@link AttributionStore}; the entries and the
 * closed periods in the {@link CreditLedger}. Inside OFBiz both are written in the event's
 * transaction, so a failed event leaves neither changed; the in-memory store does not roll back.
 * Methods are synchronized: one event is processed at a time.
 */
public final class IncentiveEngine {

    private static final Set<IdentityType> CONTACT_TYPES = EnumSet.of(IdentityType.EMAIL, IdentityType.PHONE,
            IdentityType.WECHAT_OPENID, IdentityType.WECHAT_UNIONID, IdentityType.ALIPAY_USER_ID,
            IdentityType.LOYALTY_CARD, IdentityType.SOCIAL_HANDLE);

    private final List<IncentivePlan> plans;
    private final CreditLedger ledger;
    private final Booking booking;
    private final AttributionStore store;
    private final OrderCrediting orderCrediting;
    private final PeriodClosing closing;

    /** An engine that remembers attribution in memory ({@link InMemoryAttributionStore}). */
    public IncentiveEngine(List<IncentivePlan> plans, EmployeeDirectory directory, PeriodCalendar calendar,
                           CreditLedger ledger) {
        this(plans, directory, calendar, ledger, new InMemoryAttributionStore());
    }

    public IncentiveEngine(List<IncentivePlan> plans, EmployeeDirectory directory, PeriodCalendar calendar,
                           CreditLedger ledger, AttributionStore store) {
        this.plans = List.copyOf(PlanChecks.required(plans, "plans"));
        Set<String> planIds = new HashSet<>();
        for (IncentivePlan plan : this.plans) {
            if (!planIds.add(plan.planId())) {
                throw new IllegalArgumentException("plan id '" + plan.planId() + "' is used twice");
            }
        }
        this.ledger = ledger;
        this.store = PlanChecks.required(store, "attribution store");
        this.booking = new Booking(directory, calendar, ledger);
        this.orderCrediting = new OrderCrediting(this.plans, store);
        this.closing = new PeriodClosing(calendar, ledger);
    }

    /** Credits one event; returns the entries it booked (none for a duplicate or an event that earns nothing). */
    public synchronized List<LedgerEntry> record(AttributedEvent attributed) {
        PlanChecks.required(attributed, "attributed event");
        ChannelEvent event = attributed.event();
        if (store.seen(event.eventId())) {
            return List.of();
        }
        String fanId = store.canonicalFan(attributed.fanId());
        List<LedgerEntry> entries = switch (event.type()) {
            case INTERACTION -> book(interactionCredits(fanId, event), event.occurredAt());
            case IDENTITY_LINKED, FAN_PROFILE_UPDATED -> book(contactCredits(fanId, event), event.occurredAt());
            case ORDER_PLACED -> orderPlaced(fanId, event);
            case ORDER_CANCELLED -> orderCancelled(event);
            case REFUND_ISSUED -> refundIssued(event);
            default -> List.of();
        };
        ledger.append(entries);
        store.markSeen(event.eventId());
        return entries;
    }

    /**
     * Identity resolution merged fan {@code mergedFanId} into {@code survivorFanId}: from now on the
     * merged fan's touches count for the survivor's orders, events still naming the merged fan count
     * as the survivor's, and a contact collected for either counts as collected for both.
     */
    public synchronized void mergeFans(String survivorFanId, String mergedFanId) {
        PlanChecks.required(survivorFanId, "survivorFanId");
        PlanChecks.required(mergedFanId, "mergedFanId");
        store.mergeFans(survivorFanId, mergedFanId);
    }

    /**
     * Closes a period whose end has passed: computes and freezes the payouts; from then on entries
     * for it go to the next open period.
     */
    public synchronized PeriodClose closePeriod(String periodId, Instant now) {
        return closing.close(periodId, now);
    }

    /** Every entry of the employee in the period with its source, and the totals. */
    public Statement statement(String employeeId, String periodId) {
        return closing.statement(employeeId, periodId);
    }

    /** The period's ranking in one unit at the given level, best first, at most {@code limit} rows. */
    public List<Standing> leaderboard(String periodId, String unit, Leaderboard.Level level, int limit) {
        return Leaderboard.rank(ledger.entriesIn(periodId), unit, level, limit);
    }

    private List<Booking.Credit> interactionCredits(String fanId, ChannelEvent event) {
        InteractionPayload interaction = event.payloadAs(InteractionPayload.class);
        if (event.employee() == null) {
            return List.of();
        }
        String employeeId = event.employee().id();
        store.addTouch(new Touch(event.eventId(), fanId, employeeId, event.channelId(), event.channelKind(),
                facilityOf(event), interaction.subtype(), event.occurredAt(), interaction.referralCode()));
        List<Booking.Credit> credits = new ArrayList<>(contactCredits(fanId, event));
        ActivityKind activity = ActivityKind.of(interaction.subtype());
        for (IncentivePlan plan : plans) {
            if (plan.appliesTo(event.channelKind(), event.occurredAt())) {
                for (ActivityRule rule : plan.activities()) {
                    if (rule.activity() == activity && rule.matches(interaction.attributes())) {
                        credits.add(activityCredit(event, fanId, plan, rule));
                    }
                }
            }
        }
        return credits;
    }

    private List<Booking.Credit> contactCredits(String fanId, ChannelEvent event) {
        if (event.employee() == null || fanId == null || !carriesContact(event) || !store.firstContactCollection(fanId)) {
            return List.of();
        }
        List<Booking.Credit> credits = new ArrayList<>();
        for (IncentivePlan plan : plans) {
            if (plan.appliesTo(event.channelKind(), event.occurredAt())) {
                for (ActivityRule rule : plan.activities()) {
                    if (rule.activity() == ActivityKind.CONTACT_COLLECTED) {
                        credits.add(activityCredit(event, fanId, plan, rule));
                    }
                }
            }
        }
        return credits;
    }

    static String facilityOf(ChannelEvent event) {
        return event.facility() == null ? null : event.facility().id();
    }

    private static boolean carriesContact(ChannelEvent event) {
        for (Identity identity : event.identities()) {
            if (CONTACT_TYPES.contains(identity.type())) {
                return true;
            }
        }
        return false;
    }

    private static Booking.Credit activityCredit(ChannelEvent event, String fanId, IncentivePlan plan, ActivityRule rule) {
        return new Booking.Credit(event.eventId(), event.occurredAt(), event.employee().id(), event.channelId(),
                event.channelKind(), facilityOf(event), CreditKind.ACTIVITY, rule.ruleId(), rule.reward(), plan.planId(), fanId, null);
    }

    private List<LedgerEntry> orderPlaced(String fanId, ChannelEvent event) {
        OrderPayload order = event.payloadAs(OrderPayload.class);
        String orderRef = OrderCrediting.orderRef(event.channelId(), order.orderId());
        if (store.order(orderRef).isPresent()) {
            return List.of();
        }
        List<LedgerEntry> entries = book(orderCrediting.creditsFor(fanId, event, order), event.occurredAt());
        store.saveOrder(OrderCreditState.credited(orderRef, order.currency(), order.grandTotal().amountMinor(), entries));
        return entries;
    }

    private List<LedgerEntry> orderCancelled(ChannelEvent event) {
        OrderPayload order = event.payloadAs(OrderPayload.class);
        OrderCreditState credits = store.order(OrderCrediting.orderRef(event.channelId(), order.orderId())).orElse(null);
        if (credits == null) {
            return List.of();
        }
        return save(credits.cancel(event.eventId(), event.occurredAt(), booking.periodFor(event.occurredAt())));
    }

    private List<LedgerEntry> refundIssued(ChannelEvent event) {
        RefundPayload refund = event.payloadAs(RefundPayload.class);
        OrderCreditState credits = store.order(OrderCrediting.orderRef(event.channelId(), refund.orderId())).orElse(null);
        if (credits == null) {
            return List.of();
        }
        if (!credits.currency().equals(refund.amount().currency())) {
            throw new IllegalArgumentException("refund " + refund.refundId() + " is in " + refund.amount().currency()
                    + " but order " + refund.orderId() + " on channel " + event.channelId() + " is in " + credits.currency());
        }
        return save(credits.refund(refund.amount().amountMinor(), event.eventId(), event.occurredAt(),
                booking.periodFor(event.occurredAt())));
    }

    private List<LedgerEntry> save(OrderCreditState.Reversal reversal) {
        store.saveOrder(reversal.next()); // always: the refunded sum grows even when no entry is due yet
        return reversal.entries();
    }

    private List<LedgerEntry> book(List<Booking.Credit> credits, Instant at) {
        if (credits.isEmpty()) {
            return List.of();
        }
        String periodId = booking.periodFor(at);
        List<LedgerEntry> entries = new ArrayList<>(credits.size());
        for (Booking.Credit credit : credits) {
            entries.add(booking.entry(credit, periodId));
        }
        return entries;
    }
}
