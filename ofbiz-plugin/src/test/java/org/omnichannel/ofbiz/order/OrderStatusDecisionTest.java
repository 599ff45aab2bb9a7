package org.omnichannel.ofbiz.order;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.ofbiz.order.OrderStatusDecision.Target;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which changeOrderStatus calls an order event leads to. */
class OrderStatusDecisionTest {

    private static OrderPayload order(String vendorStatus, FulfilmentMode mode) {
        Money price = new Money(1000, "EUR");
        return new OrderPayload("1", null, vendorStatus, "EUR",
                List.of(new OrderLine("L1", "A", null, null, BigDecimal.ONE, price, null, price)),
                null, null, null, null, price, null, null, mode, null, null);
    }

    @Test
    void vendor_status_words_of_the_connected_systems_map_to_an_ofbiz_status() {
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("paid", FulfilmentMode.SHIP))).isEqualTo(Target.APPROVED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_PLACED, order("processing", FulfilmentMode.SHIP))).isEqualTo(Target.APPROVED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("Unshipped", FulfilmentMode.SHIP))).isEqualTo(Target.APPROVED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("on-hold", FulfilmentMode.SHIP))).isEqualTo(Target.HOLD);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("completed", FulfilmentMode.SHIP))).isEqualTo(Target.COMPLETED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("TRADE_FINISHED", FulfilmentMode.SHIP))).isEqualTo(Target.COMPLETED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("Canceled", FulfilmentMode.SHIP))).isEqualTo(Target.CANCELLED);
    }

    @Test
    void a_word_that_says_nothing_about_the_order_changes_nothing() {
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("pending", FulfilmentMode.SHIP))).isEqualTo(Target.NONE);
        assertThat(OrderStatusDecision.target(EventType.ORDER_UPDATED, order("partially_refunded", FulfilmentMode.SHIP))).isEqualTo(Target.NONE);
        assertThat(OrderStatusDecision.target(EventType.ORDER_PLACED, order(null, FulfilmentMode.SHIP))).isEqualTo(Target.NONE);
    }

    @Test
    void a_cancelled_event_cancels_whatever_the_word_and_a_till_sale_is_completed() {
        assertThat(OrderStatusDecision.target(EventType.ORDER_CANCELLED, order("paid", FulfilmentMode.SHIP))).isEqualTo(Target.CANCELLED);
        assertThat(OrderStatusDecision.target(EventType.ORDER_PLACED, order(null, FulfilmentMode.IN_STORE))).isEqualTo(Target.COMPLETED);
    }

    @Test
    void steps_follow_ofbiz_valid_status_changes_forward_only() {
        assertThat(OrderStatusDecision.steps("ORDER_CREATED", Target.APPROVED)).containsExactly("ORDER_APPROVED");
        assertThat(OrderStatusDecision.steps("ORDER_APPROVED", Target.APPROVED)).isEmpty();
        assertThat(OrderStatusDecision.steps("ORDER_CREATED", Target.COMPLETED)).containsExactly("ORDER_APPROVED", "ORDER_COMPLETED");
        assertThat(OrderStatusDecision.steps("ORDER_SENT", Target.COMPLETED)).containsExactly("ORDER_COMPLETED");
        assertThat(OrderStatusDecision.steps("ORDER_APPROVED", Target.HOLD)).containsExactly("ORDER_HOLD");
        assertThat(OrderStatusDecision.steps("ORDER_HOLD", Target.APPROVED)).containsExactly("ORDER_APPROVED");
        assertThat(OrderStatusDecision.steps("ORDER_APPROVED", Target.CANCELLED)).containsExactly("ORDER_CANCELLED");
        assertThat(OrderStatusDecision.steps("ORDER_CREATED", Target.NONE)).isEmpty();
    }

    @Test
    void a_completed_or_cancelled_order_is_never_reopened_by_an_older_event() {
        assertThat(OrderStatusDecision.steps("ORDER_COMPLETED", Target.APPROVED)).isEmpty();
        assertThat(OrderStatusDecision.steps("ORDER_COMPLETED", Target.CANCELLED)).isEmpty();
        assertThat(OrderStatusDecision.steps("ORDER_CANCELLED", Target.APPROVED)).isEmpty();
        assertThat(OrderStatusDecision.steps("ORDER_CANCELLED", Target.HOLD)).isEmpty();
        assertThat(OrderStatusDecision.steps("ORDER_REJECTED", Target.COMPLETED)).isEmpty();
    }
}
