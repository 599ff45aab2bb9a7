package org.omnichannel.connector.pos;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RawReference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the valid rows of one receipt into its events: ORDER_PLACED (fulfilment IN_STORE, facility =
 * store_id, employee = clerk_id, the fan's identifiers from the ORDER row and from the payers) and one
 * PAYMENT_CAPTURED per PAYMENT row. The receipt is checked as a whole first: one ORDER row, at least one
 * LINE, unique line and payment ids, each line_total = quantity × unit_price − line_discount (rounded
 * half-up to the currency's minor unit), the lines minus order_discount = order_total, and the payments,
 * when there are any, = order_total.
 */
final class PosOrderAssembler {

    /** The receipt cannot be imported; the message says why. */
    static final class OrderException extends Exception {
        private static final long serialVersionUID = 1L;

        OrderException(String message) {
            super(message, null, false, false);
        }
    }

    private PosOrderAssembler() {
    }

    static List<ChannelEvent> assemble(List<PosRow> rows, ChannelContext channel, Instant receivedAt, RawReference raw)
            throws OrderException {
        List<PosRow.Order> orders = rows.stream().filter(PosRow.Order.class::isInstance).map(PosRow.Order.class::cast).toList();
        List<PosRow.Line> lines = rows.stream().filter(PosRow.Line.class::isInstance).map(PosRow.Line.class::cast).toList();
        List<PosRow.Payment> payments = rows.stream().filter(PosRow.Payment.class::isInstance)
                .map(PosRow.Payment.class::cast).toList();
        if (orders.size() != 1) {
            throw new OrderException(orders.isEmpty() ? "has no ORDER row"
                    : "has " + orders.size() + " ORDER rows (lines " + lineNumbers(orders) + ")");
        }
        if (lines.isEmpty()) {
            throw new OrderException("has no LINE row");
        }
        PosRow.Order order = orders.get(0);
        String currency = order.currency();
        unique(lines.stream().map(PosRow.Line::lineId).toList(), "line_id");
        unique(payments.stream().map(PosRow.Payment::paymentId).toList(), "payment_id");

        String orderId = order.storeId() + "/" + order.orderId();
        List<OrderLine> orderLines = new ArrayList<>();
        Money subtotal = Money.zero(currency);
        for (PosRow.Line line : lines) {
            Money unitPrice = money(line.unitPrice(), currency, line.line(), "unit_price");
            Money discount = line.discount() == null ? null : money(line.discount(), currency, line.line(), "line_discount");
            Money lineTotal = money(line.lineTotal(), currency, line.line(), "line_total");
            BigDecimal expected = line.quantity().multiply(line.unitPrice())
                    .subtract(line.discount() == null ? BigDecimal.ZERO : line.discount())
                    .setScale(lineTotal.toDecimal().scale(), RoundingMode.HALF_UP);
            if (expected.compareTo(line.lineTotal()) != 0) {
                throw new OrderException("line " + line.line() + ": line_total " + line.lineTotal().toPlainString()
                        + " is not quantity × unit_price − line_discount = " + expected.toPlainString());
            }
            orderLines.add(new OrderLine(line.lineId(), line.sku(), null, line.title(), line.quantity(), unitPrice,
                    discount, lineTotal));
            subtotal = subtotal.plus(lineTotal);
        }
        Money discount = order.discount() == null ? null : money(order.discount(), currency, order.line(), "order_discount");
        Money total = money(order.total(), currency, order.line(), "order_total");
        Money expectedTotal = discount == null ? subtotal : subtotal.minus(discount);
        if (!expectedTotal.equals(total)) {
            throw new OrderException("order_total " + total + " is not " + (discount == null
                    ? "the sum of line_total, " + subtotal
                    : "the sum of line_total " + subtotal + " − order_discount " + discount + " = " + expectedTotal));
        }
        Money paid = Money.zero(currency);
        for (PosRow.Payment payment : payments) {
            paid = paid.plus(money(payment.amount(), currency, payment.line(), "amount"));
        }
        if (!payments.isEmpty() && !paid.equals(total)) {
            throw new OrderException("payments add up to " + paid + " but order_total is " + total);
        }

        FacilityRef store = new FacilityRef(order.storeId(), null);
        EmployeeRef clerk = order.clerkId() == null ? null : new EmployeeRef(order.clerkId(), null);
        List<Identity> fan = new ArrayList<>();
        if (order.loyaltyCard() != null) {
            fan.add(Identity.of(IdentityType.LOYALTY_CARD, order.loyaltyCard()));
        }
        if (order.phone() != null) {
            fan.add(Identity.of(IdentityType.PHONE, order.phone()));
        }
        payments.stream().map(PosOrderAssembler::payer).filter(java.util.Objects::nonNull).distinct().forEach(fan::add);

        List<ChannelEvent> events = new ArrayList<>();
        ChannelEvent.Builder placed = base(channel, order, store, clerk, receivedAt, raw)
                .externalId("pos-order", order.storeId(), order.orderId(), "placed")
                .type(EventType.ORDER_PLACED)
                .payload(new OrderPayload(orderId, order.orderId(), null, currency, orderLines, subtotal, discount,
                        null, null, total, null, null, FulfilmentMode.IN_STORE, null, null));
        fan.forEach(placed::identity);
        events.add(placed.build());
        for (PosRow.Payment payment : payments) {
            ChannelEvent.Builder captured = base(channel, order, store, clerk, receivedAt, raw)
                    .externalId("pos-payment", order.storeId(), order.orderId(), payment.paymentId())
                    .type(EventType.PAYMENT_CAPTURED)
                    .payload(new PaymentPayload(payment.paymentId(), orderId, Money.of(payment.amount(), currency),
                            payment.method(), provider(payment.method())));
            Identity payer = payer(payment);
            if (payer != null) {
                captured.identity(payer);
            }
            events.add(captured.build());
        }
        return events;
    }

    private static ChannelEvent.Builder base(ChannelContext channel, PosRow.Order order, FacilityRef store,
                                             EmployeeRef clerk, Instant receivedAt, RawReference raw) {
        return ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system())
                .occurredAt(order.occurredAt())
                .receivedAt(receivedAt)
                .facility(store)
                .employee(clerk)
                .raw(raw);
    }

    /** The payer as the payment provider identified them: verified, since the provider authenticated them. */
    private static Identity payer(PosRow.Payment payment) {
        if (payment.payerId() == null) {
            return null;
        }
        return payment.method() == PaymentMethod.WECHAT_PAY
                ? new Identity(IdentityType.WECHAT_OPENID, payment.payerId(), payment.payerAppId(), true)
                : new Identity(IdentityType.ALIPAY_USER_ID, payment.payerId(), payment.payerAppId(), true);
    }

    private static String provider(PaymentMethod method) {
        return switch (method) {
            case ALIPAY -> "alipay";
            case WECHAT_PAY -> "wechatpay";
            default -> null;
        };
    }

    private static Money money(BigDecimal amount, String currency, int line, String column) throws OrderException {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new OrderException("line " + line + ": " + column + " " + amount.toPlainString()
                    + " has more decimals than " + currency + " allows");
        }
    }

    private static void unique(List<String> ids, String column) throws OrderException {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new OrderException(column + " '" + id + "' appears twice");
            }
        }
    }

    private static String lineNumbers(List<? extends PosRow> rows) {
        return String.join(", ", rows.stream().map(r -> String.valueOf(r.line())).toList());
    }
}
