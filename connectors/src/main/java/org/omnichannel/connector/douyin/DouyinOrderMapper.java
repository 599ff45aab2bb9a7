package org.omnichannel.connector.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Douyin local-life trade notifications.
 *
 * <ul>
 *   <li>{@code life_trade_order_notify} with {@code action} {@code pay_success}
 *       (https://developer.open-douyin.com/docs/resource/zh-CN/local-life/develop/OpenAPI/general-capabilities/order.query/trade.order.notify)
 *       → PAYMENT_CAPTURED: {@code order.pay_amount} is what the fan paid, in fen (分) of CNY, kept exact as
 *       minor units; the payment and the order are Douyin's {@code order_id}; {@code pay_time} (Unix seconds)
 *       is when it happened, else {@code msg_time}. The notification names no goods (only amounts), so it is
 *       a payment, not an order with lines; the merchant {@code account_id} is not a fan and is not mapped.</li>
 *   <li>{@code life_hermes_akte_after_sale_audit} (a fan <em>applies</em> for a refund of a redeemed voucher;
 *       the merchant still has to approve it) → no event, NOT_ACTIONABLE: no money has gone back yet.</li>
 * </ul>
 * Other actions and events are acknowledged and reported unsupported.
 */
final class DouyinOrderMapper {

    static final String ORDER_NOTIFY = "life_trade_order_notify";
    static final String AFTER_SALE_AUDIT = "life_hermes_akte_after_sale_audit";
    private static final String CURRENCY = "CNY";

    private DouyinOrderMapper() {
    }

    static MappingResult map(String event, DouyinEnvelope envelope) {
        if (AFTER_SALE_AUDIT.equals(event)) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE, envelope.describe()
                    + ": a refund application awaiting the merchant's audit; nothing is refunded yet");
        }
        if (!ORDER_NOTIFY.equals(event)) {
            return MappingResult.unsupported(envelope.describe() + " is not mapped; mapped: " + ORDER_NOTIFY
                    + " (pay_success)");
        }
        String action = JsonBodies.requireText(envelope.content(), "action", "content");
        if (!"pay_success".equals(action)) {
            return MappingResult.unsupported(envelope.describe() + " action '" + action
                    + "' is not mapped; mapped actions: pay_success");
        }
        JsonNode order = JsonBodies.requireObject(envelope.content(), "order", "content");
        String orderId = JsonBodies.requireText(order, "order_id", "content.order");
        long payFen = wholeFen(order, "pay_amount");
        if (payFen <= 0) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE, envelope.describe()
                    + ": order " + orderId + " was paid 0 fen; no money was captured");
        }
        Instant occurredAt = epochSeconds(order, "pay_time", "content.order");
        if (occurredAt == null) {
            occurredAt = epochSeconds(envelope.content(), "msg_time", "content");
        }
        if (occurredAt == null) {
            throw new BadPayloadException("douyin " + ORDER_NOTIFY + ": content.order.pay_time and content.msg_time are missing");
        }
        PaymentPayload payment = new PaymentPayload(orderId, orderId, new Money(payFen, CURRENCY), PaymentMethod.OTHER,
                DouyinConnector.SYSTEM);
        return MappingResult.of(List.of(envelope.event(EventType.PAYMENT_CAPTURED, occurredAt, "order", orderId, action)
                .payload(payment).build()));
    }

    private static long wholeFen(JsonNode order, String field) {
        BigDecimal fen = JsonBodies.requireDecimal(order, field, "content.order");
        try {
            return fen.longValueExact();
        } catch (ArithmeticException e) {
            throw new BadPayloadException("content.order." + field + " must be a whole number of fen, was "
                    + fen.toPlainString());
        }
    }

    private static Instant epochSeconds(JsonNode parent, String field, String where) {
        BigDecimal seconds = JsonBodies.decimal(parent, field, where);
        if (seconds == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds.longValueExact());
        } catch (ArithmeticException e) {
            throw new BadPayloadException(where + "." + field + " is not whole Unix seconds: " + seconds.toPlainString());
        }
    }
}
