package org.omnichannel.connector.alipay;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.PersonDetails;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Maps the parameters of a verified Alipay notification to events.
 * <ul>
 * <li>{@code trade_status_sync} with {@code TRADE_SUCCESS} or {@code TRADE_FINISHED} →
 *     PAYMENT_CAPTURED (paymentId {@code trade_no}, orderId {@code out_trade_no}, amount
 *     {@code total_amount}). Both statuses of one trade share one eventId, so the FINISHED that follows
 *     a SUCCESS is a duplicate, not a second payment. {@code buyer_id} (the global 2088… user id) is an
 *     ALIPAY_USER_ID; {@code buyer_open_id} (per app) is one with the app_id as namespace. Both are
 *     verified: Alipay authenticated the payer. {@code buyer_logon_id} is masked by Alipay and is not
 *     an identifier.</li>
 * <li>{@code trade_status_sync} carrying a refund ({@code refund_fee} or {@code gmt_refund}) is skipped as
 *     NOT_ACTIONABLE: Alipay sends the cumulative refunded total there, not this refund's amount.</li>
 * <li>{@code WAIT_BUYER_PAY} and {@code TRADE_CLOSED} capture nothing: skipped as NOT_ACTIONABLE.</li>
 * <li>{@code servicemarket_order_notify} (an order in Alipay's service market) → ORDER_PLACED with one
 *     digital line.</li>
 * <li>Any other notify_type is skipped as UNSUPPORTED_TYPE.</li>
 * </ul>
 * Amounts are in the channel's {@code currency} setting (default CNY, the currency of Alipay's
 * domestic {@code total_amount}); times are Beijing time.
 */
final class AlipayNotificationMapper {

    private static final Set<String> CAPTURED = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");

    private AlipayNotificationMapper() {
    }

    static MappingResult map(AlipayForm form, ChannelContext channel, Instant receivedAt, ConnectorResponse ack) {
        String notifyType = form.get("notify_type").orElseThrow(() ->
                new BadPayloadException("Alipay notification has no 'notify_type' field"));
        String currency = channel.setting("currency").orElse("CNY");
        return switch (notifyType) {
            case "trade_status_sync" -> trade(form, channel, receivedAt, currency, ack);
            case "servicemarket_order_notify" ->
                    new MappingResult(List.of(serviceMarketOrder(form, channel, receivedAt, currency)), ack);
            default -> MappingResult.skipped(SkipReason.UNSUPPORTED_TYPE,
                    "alipay notify_type '" + notifyType + "' is not mapped", ack);
        };
    }

    private static MappingResult trade(AlipayForm form, ChannelContext channel, Instant receivedAt, String currency,
                                       ConnectorResponse ack) {
        String status = form.require("trade_status");
        String tradeNo = form.require("trade_no");
        if (form.get("refund_fee").isPresent() || form.get("gmt_refund").isPresent()) {
            return MappingResult.skipped(SkipReason.NOT_ACTIONABLE, "alipay trade " + tradeNo + " refund notification"
                    + " is not mapped: refund_fee is the cumulative refunded total, not this refund's amount", ack);
        }
        if (!CAPTURED.contains(status)) {
            return MappingResult.skipped(SkipReason.NOT_ACTIONABLE, "alipay trade " + tradeNo + " has trade_status "
                    + status + ", which captures no payment; only TRADE_SUCCESS and TRADE_FINISHED are mapped", ack);
        }
        Money amount;
        try {
            amount = Money.of(form.require("total_amount"), currency);
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("Alipay total_amount: " + e.getMessage());
        }
        Instant occurredAt = form.get("gmt_payment").map(v -> AlipayTimes.parse("gmt_payment", v))
                .orElseGet(() -> AlipayTimes.parse("notify_time", form.require("notify_time")));
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system())
                .externalId("alipay-trade", tradeNo, "captured")
                .type(EventType.PAYMENT_CAPTURED)
                .occurredAt(occurredAt)
                .receivedAt(receivedAt)
                .payload(new PaymentPayload(tradeNo, form.get("out_trade_no").orElse(null), amount,
                        PaymentMethod.ALIPAY, AlipayConnector.SYSTEM));
        form.get("buyer_id").ifPresent(id -> event.identity(new Identity(IdentityType.ALIPAY_USER_ID, id, null, true)));
        form.get("buyer_open_id").ifPresent(id -> event.identity(
                new Identity(IdentityType.ALIPAY_USER_ID, id, form.require("app_id"), true)));
        return new MappingResult(List.of(event.build()), ack);
    }

    private static ChannelEvent serviceMarketOrder(AlipayForm form, ChannelContext channel, Instant receivedAt,
                                                   String currency) {
        String orderId = form.require("commodity_order_id");
        BigDecimal quantity = decimal(form, "order_item_num");
        Money total = Money.of(decimal(form, "total_price"), currency);
        BigDecimal unit;
        try {
            unit = total.toDecimal().divide(quantity).setScale(total.toDecimal().scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new BadPayloadException("Alipay total_price " + total + " does not divide into "
                    + quantity.toPlainString() + " items exactly");
        }
        OrderLine line = new OrderLine("1", form.require("service_code"), null, form.get("title").orElse(null),
                quantity, Money.of(unit, currency), null, total);
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system())
                .externalId("alipay-servicemarket-order", orderId, "placed")
                .type(EventType.ORDER_PLACED)
                .occurredAt(AlipayTimes.parse("order_time", form.require("order_time")))
                .receivedAt(receivedAt)
                .payload(new OrderPayload(orderId, null, null, currency, List.of(line), total, null, null, null, total,
                        null, null, FulfilmentMode.DIGITAL, null, null));
        form.get("merchant_pid").ifPresent(id -> event.identity(new Identity(IdentityType.ALIPAY_USER_ID, id, null, true)));
        form.get("phone").ifPresent(phone -> event.identity(Identity.of(IdentityType.PHONE, phone)));
        form.get("contactor").ifPresent(name -> event.person(PersonDetails.named(name)));
        return event.build();
    }

    private static BigDecimal decimal(AlipayForm form, String field) {
        String value = form.require(field);
        try {
            BigDecimal decimal = new BigDecimal(value);
            if (field.equals("order_item_num") && decimal.signum() <= 0) {
                throw new BadPayloadException("Alipay order_item_num must be greater than 0, was " + value);
            }
            return decimal;
        } catch (NumberFormatException e) {
            throw new BadPayloadException("Alipay field '" + field + "' is '" + value + "', not a decimal number");
        }
    }
}
