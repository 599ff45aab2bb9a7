package org.omnichannel.ofbiz.order;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.OrderPayload;

/**
 * Which OFBiz order status an order event asks for, and the {@code changeOrderStatus} steps that
 * get there from the order's current status along OFBiz's StatusValidChange rows (ORDER_CREATED
 * -> ORDER_APPROVED -> ORDER_COMPLETED, ORDER_HOLD, ORDER_CANCELLED). Statuses only move forward:
 * an older event never reopens a completed or cancelled order.
 */
public final class OrderStatusDecision {

    /** The status an event asks for; NONE leaves the order as it is. */
    public enum Target {
        NONE(null),
        APPROVED("ORDER_APPROVED"),
        HOLD("ORDER_HOLD"),
        COMPLETED("ORDER_COMPLETED"),
        CANCELLED("ORDER_CANCELLED");

        private final String statusId;

        Target(String statusId) {
            this.statusId = statusId;
        }

        public String statusId() {
            return statusId;
        }
    }

    public static final String CREATED = "ORDER_CREATED";
    public static final String PROCESSING = "ORDER_PROCESSING";
    public static final String APPROVED = "ORDER_APPROVED";
    public static final String SENT = "ORDER_SENT";
    public static final String HOLD = "ORDER_HOLD";
    public static final String COMPLETED = "ORDER_COMPLETED";
    public static final String CANCELLED = "ORDER_CANCELLED";

    /**
     * Vendor status words (Shopify financial_status, WooCommerce and Amazon order status, Tmall and
     * Alipay trade status ...), lower case with separators as '_'. A word not listed changes nothing.
     */
    private static final Map<String, Target> WORDS = Map.ofEntries(
            Map.entry("paid", Target.APPROVED), Map.entry("partially_paid", Target.APPROVED),
            Map.entry("authorized", Target.APPROVED), Map.entry("processing", Target.APPROVED),
            Map.entry("approved", Target.APPROVED), Map.entry("confirmed", Target.APPROVED),
            Map.entry("accepted", Target.APPROVED), Map.entry("unshipped", Target.APPROVED),
            Map.entry("partially_shipped", Target.APPROVED), Map.entry("partiallyshipped", Target.APPROVED),
            Map.entry("wait_seller_send_goods", Target.APPROVED), Map.entry("trade_success", Target.APPROVED),
            Map.entry("on_hold", Target.HOLD), Map.entry("hold", Target.HOLD), Map.entry("held", Target.HOLD),
            Map.entry("unfulfillable", Target.HOLD), Map.entry("failed", Target.HOLD),
            Map.entry("completed", Target.COMPLETED), Map.entry("complete", Target.COMPLETED),
            Map.entry("fulfilled", Target.COMPLETED), Map.entry("shipped", Target.COMPLETED),
            Map.entry("delivered", Target.COMPLETED), Map.entry("closed", Target.COMPLETED),
            Map.entry("trade_finished", Target.COMPLETED),
            Map.entry("cancelled", Target.CANCELLED), Map.entry("canceled", Target.CANCELLED),
            Map.entry("voided", Target.CANCELLED), Map.entry("void", Target.CANCELLED),
            Map.entry("rejected", Target.CANCELLED), Map.entry("declined", Target.CANCELLED),
            Map.entry("trade_closed", Target.CANCELLED));

    private static final Set<String> OPEN = Set.of(CREATED, PROCESSING, HOLD);

    private OrderStatusDecision() {
    }

    /**
     * The status the event asks for: ORDER_CANCELLED always cancels; otherwise the vendor's status
     * word decides. A till sale (IN_STORE) that names no status is paid and handed over: completed,
     * which in a store marked isImmediatelyFulfilled makes OFBiz issue the stock from the order's
     * origin facility (the OrderHeader EECA calling issueImmediatelyFulfilledOrder).
     */
    public static Target target(EventType type, OrderPayload order) {
        if (type == EventType.ORDER_CANCELLED) {
            return Target.CANCELLED;
        }
        String word = order.vendorStatus();
        if (word == null) {
            return type == EventType.ORDER_PLACED && order.fulfilment() == FulfilmentMode.IN_STORE ? Target.COMPLETED : Target.NONE;
        }
        return WORDS.getOrDefault(normalise(word), Target.NONE);
    }

    /** The statuses to set, in order, to go from {@code current} to {@code target}; empty if none is due. */
    public static List<String> steps(String current, Target target) {
        return switch (target) {
            case NONE -> List.of();
            case APPROVED -> OPEN.contains(current) ? List.of(APPROVED) : List.of();
            case HOLD -> CREATED.equals(current) || PROCESSING.equals(current) || APPROVED.equals(current) ? List.of(HOLD) : List.of();
            case COMPLETED -> APPROVED.equals(current) || SENT.equals(current) ? List.of(COMPLETED)
                    : OPEN.contains(current) ? List.of(APPROVED, COMPLETED) : List.of();
            case CANCELLED -> OPEN.contains(current) || APPROVED.equals(current) || SENT.equals(current) ? List.of(CANCELLED) : List.of();
        };
    }

    static String normalise(String word) {
        return word.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
