package org.omnichannel.connector.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Maps a decrypted WeChat Pay notification resource to events.
 * <ul>
 * <li>{@code TRANSACTION.SUCCESS} (a {@code transaction} with trade_state SUCCESS) → PAYMENT_CAPTURED:
 *     paymentId {@code transaction_id}, orderId {@code out_trade_no}, amount {@code amount.total} in
 *     fen (the order amount; {@code payer_total} is what the payer paid after WeChat-funded coupons),
 *     {@code success_time}. The payer's openid becomes a verified WECHAT_OPENID in the namespace of the
 *     appid it belongs to ({@code appid}; for service providers {@code sp_openid}/{@code sp_appid} and
 *     {@code sub_openid}/{@code sub_appid}).</li>
 * <li>{@code REFUND.SUCCESS} (a {@code refund}) → REFUND_ISSUED: refundId {@code refund_id}, amount
 *     {@code amount.refund} in the channel's {@code currency} (default CNY: refund notifications carry
 *     no currency).</li>
 * <li>Every other event_type (PAYSCORE.*, REFUND.ABNORMAL, REFUND.CLOSED, ...) is reported as
 *     UNSUPPORTED_TYPE and acknowledged.</li>
 * </ul>
 * The eventId comes from the transaction or refund id, not the notification id, so two notifications
 * about one payment are one event.
 */
final class WechatPayNotificationMapper {

    private WechatPayNotificationMapper() {
    }

    static MappingResult map(JsonNode envelope, byte[] resource, ChannelContext channel, Instant receivedAt,
                             ConnectorResponse ack) {
        String eventType = text(envelope, "event_type", "notification");
        JsonNode plain = parse(resource);
        return switch (eventType) {
            case "TRANSACTION.SUCCESS" -> new MappingResult(List.of(payment(plain, channel, receivedAt)), ack);
            case "REFUND.SUCCESS" -> new MappingResult(List.of(refund(plain, channel, receivedAt)), ack);
            default -> MappingResult.skipped(SkipReason.UNSUPPORTED_TYPE,
                    "wechatpay event_type '" + eventType + "' is not mapped", ack);
        };
    }

    private static ChannelEvent payment(JsonNode tx, ChannelContext channel, Instant receivedAt) {
        String transactionId = text(tx, "transaction_id", "transaction");
        String state = text(tx, "trade_state", "transaction");
        if (!state.equals("SUCCESS")) {
            throw new BadPayloadException("TRANSACTION.SUCCESS resource has trade_state '" + state + "', not SUCCESS");
        }
        JsonNode amount = tx.path("amount");
        Money total = money(amount.path("total"), amount.path("currency").asText("CNY"), "transaction amount.total");
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system())
                .externalId("wechatpay-transaction", transactionId, "captured")
                .type(EventType.PAYMENT_CAPTURED)
                .occurredAt(time(tx, "success_time", "transaction"))
                .receivedAt(receivedAt)
                .payload(new PaymentPayload(transactionId, tx.path("out_trade_no").asText(null), total,
                        PaymentMethod.WECHAT_PAY, WechatPayConnector.SYSTEM));
        JsonNode payer = tx.path("payer");
        openid(event, payer.path("openid"), tx.path("appid"));
        openid(event, payer.path("sp_openid"), tx.path("sp_appid"));
        openid(event, payer.path("sub_openid"), tx.path("sub_appid"));
        return event.build();
    }

    private static ChannelEvent refund(JsonNode refund, ChannelContext channel, Instant receivedAt) {
        String refundId = text(refund, "refund_id", "refund");
        Money amount = money(refund.path("amount").path("refund"), channel.setting("currency").orElse("CNY"),
                "refund amount.refund");
        return ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system())
                .externalId("wechatpay-refund", refundId)
                .type(EventType.REFUND_ISSUED)
                .occurredAt(time(refund, "success_time", "refund"))
                .receivedAt(receivedAt)
                .payload(new RefundPayload(refundId, text(refund, "out_trade_no", "refund"), amount, List.of(),
                        null, null))
                .build();
    }

    private static void openid(ChannelEvent.Builder event, JsonNode openid, JsonNode appid) {
        if (openid.isTextual() && !openid.asText().isBlank()) {
            if (!appid.isTextual() || appid.asText().isBlank()) {
                throw new BadPayloadException("transaction has a payer openid but not the appid it belongs to");
            }
            event.identity(new Identity(IdentityType.WECHAT_OPENID, openid.asText(), appid.asText(), true));
        }
    }

    static JsonNode parse(byte[] json) {
        try {
            JsonNode node = ChannelEventJson.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new BadPayloadException("expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadPayloadException("not JSON: " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadPayloadException("WeChat Pay " + what + " has no '" + field + "'");
        }
        return value.asText();
    }

    private static Money money(JsonNode fen, String currency, String what) {
        if (!fen.canConvertToExactIntegral() || !fen.isNumber()) {
            throw new BadPayloadException("WeChat Pay " + what + " must be an integer number of fen, was " + fen);
        }
        return new Money(fen.asLong(), currency);
    }

    private static Instant time(JsonNode node, String field, String what) {
        String value = text(node, field, what);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadPayloadException("WeChat Pay " + what + " " + field + " '" + value
                    + "' is not an RFC 3339 time like 2018-06-08T10:34:56+08:00");
        }
    }
}
