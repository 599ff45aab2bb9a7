package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;

import java.time.Instant;

/**
 * A Square notification: {@code merchant_id}, {@code type}, {@code event_id}, {@code created_at} and
 * {@code data} ({@code type}, {@code id}, {@code object}).
 */
record SquareEnvelope(ChannelContext channel, Instant receivedAt, String merchantId, String type, String eventId,
                      Instant createdAt, String dataId, JsonNode object) {

    static SquareEnvelope of(JsonNode body, ChannelContext channel, Instant receivedAt) {
        JsonNode data = JsonBodies.requireObject(body, "data", "notification");
        return new SquareEnvelope(channel, receivedAt,
                JsonBodies.requireText(body, "merchant_id", "notification"),
                JsonBodies.requireText(body, "type", "notification"),
                JsonBodies.requireText(body, "event_id", "notification"),
                JsonBodies.requireInstant(body, "created_at", "notification"),
                JsonBodies.text(data, "id"),
                data.path("object"));
    }

    ChannelEvent.Builder event(EventType type, Instant occurredAt, String... externalId) {
        return ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), SquareConnector.SYSTEM)
                .externalId(externalId)
                .type(type)
                .occurredAt(occurredAt == null ? createdAt : occurredAt)
                .receivedAt(receivedAt);
    }

    /** The object under {@code data.object.<name>} ({@code payment}, {@code refund}, {@code customer}). */
    JsonNode objectNamed(String name) {
        return JsonBodies.requireObject(object, name, "data.object");
    }

    /** A Square customer id; unique within the seller's account, so the merchant is its namespace. */
    Identity customer(String id) {
        return new Identity(IdentityType.MARKETPLACE_BUYER_ID, id, "square:" + merchantId, true);
    }

    /** Square's {@code Money}: {@code {"amount": 100, "currency": "USD"}} in the smallest unit. */
    static Money money(JsonNode parent, String field, String where) {
        JsonNode money = JsonBodies.requireObject(parent, field, where);
        String amount = JsonBodies.requireText(money, "amount", where + "." + field);
        try {
            return new Money(Long.parseLong(amount), JsonBodies.requireText(money, "currency", where + "." + field));
        } catch (NumberFormatException e) {
            throw new BadPayloadException(where + "." + field + ".amount is not an integer: '" + amount + "'");
        }
    }
}
