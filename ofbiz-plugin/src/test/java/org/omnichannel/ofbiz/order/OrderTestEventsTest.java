package org.omnichannel.ofbiz.order;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;
import org.omnichannel.ofbiz.test.OrderTestEvents;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events the in-OFBiz order tests ingest are valid ChannelEvents, and the plan and statuses the
 * adapter derives from them are the ones those tests assert (so a failure there is OFBiz's side).
 */
class OrderTestEventsTest {

    private static ChannelEvent read(String json) throws Exception {
        return ChannelEventJson.read(json);
    }

    @Test
    void the_order_events_are_valid_and_plan_to_the_totals_the_ofbiz_tests_expect() throws Exception {
        ChannelEvent placed = read(OrderTestEvents.orderPlaced(UUID.randomUUID().toString(), "T-1", "a@example.com", "SG-CASE-HARD"));
        OrderPayload order = placed.payloadAs(OrderPayload.class);
        OrderPlan plan = OrderPlan.of(order, Map.of("L1", "GZ-2644"));
        assertThat(plan.grandTotal()).isEqualByComparingTo("20.99");
        assertThat(plan.total()).isEqualByComparingTo(plan.grandTotal());
        assertThat(plan.items().get(0).unitPrice()).isEqualByComparingTo("15.99");
        assertThat(plan.adjustments()).extracting(AdjustmentPlan::typeId).containsExactly("SHIPPING_CHARGES");
        assertThat(OrderStatusDecision.target(placed.type(), order)).isEqualTo(OrderStatusDecision.Target.APPROVED);

        ChannelEvent cancelled = read(OrderTestEvents.orderCancelled(UUID.randomUUID().toString(), "T-1", "a@example.com"));
        assertThat(OrderStatusDecision.target(cancelled.type(), cancelled.payloadAs(OrderPayload.class)))
                .isEqualTo(OrderStatusDecision.Target.CANCELLED);
        ChannelEvent updated = read(OrderTestEvents.order(UUID.randomUUID().toString(), "ORDER_UPDATED", "U-1", "a@example.com",
                "GL-AVIATOR-BLK", "on-hold"));
        assertThat(OrderStatusDecision.target(updated.type(), updated.payloadAs(OrderPayload.class)))
                .isEqualTo(OrderStatusDecision.Target.HOLD);
    }

    @Test
    void the_payment_and_refund_events_are_valid_and_name_the_order() throws Exception {
        ChannelEvent payment = read(OrderTestEvents.paymentCaptured(UUID.randomUUID().toString(), "T-1", "pi_1", "a@example.com"));
        assertThat(payment.type()).isEqualTo(EventType.PAYMENT_CAPTURED);
        assertThat(payment.payloadAs(PaymentPayload.class).orderId()).isEqualTo("T-1");
        assertThat(Amounts.decimal(payment.payloadAs(PaymentPayload.class).amount(), "USD")).isEqualByComparingTo("20.99");
        assertThat(PaymentMethodTypes.of(payment.payloadAs(PaymentPayload.class).method())).isEqualTo("CREDIT_CARD");
        ChannelEvent refund = read(OrderTestEvents.refundIssued(UUID.randomUUID().toString(), "T-1", "re_1", "a@example.com"));
        assertThat(refund.payloadAs(RefundPayload.class).amount().toDecimal()).isEqualByComparingTo("5.00");
    }
}
