package org.omnichannel.connector.stripe;

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
import java.util.Locale;

/**
 * A Stripe {@code event}: its id, type, creation time, {@code data.object} and
 * {@code data.previous_attributes} (a missing node when absent), and the channel it came on.
 */
record StripeEnvelope(ChannelContext channel, Instant receivedAt, String eventId, String type, Instant created,
                      JsonNode object, JsonNode previousAttributes) {

    static StripeEnvelope of(JsonNode event, ChannelContext channel, Instant receivedAt) {
        String id = JsonBodies.requireText(event, "id", "event");
        String type = JsonBodies.requireText(event, "type", "event");
        String created = JsonBodies.requireText(event, "created", "event");
        Instant createdAt;
        try {
            createdAt = Instant.ofEpochSecond(Long.parseLong(created));
        } catch (NumberFormatException e) {
            throw new BadPayloadException("event.created is not Unix seconds: '" + created + "'");
        }
        JsonNode data = JsonBodies.requireObject(event, "data", "event");
        JsonNode object = JsonBodies.requireObject(data, "object", "event.data");
        return new StripeEnvelope(channel, receivedAt, id, type, createdAt, object, data.path("previous_attributes"));
    }

    ChannelEvent.Builder event(EventType type, String... externalId) {
        return ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), StripeConnector.SYSTEM)
                .externalId(externalId)
                .type(type)
                .occurredAt(created)
                .receivedAt(receivedAt);
    }

    /** Stripe amounts are integers in the currency's smallest unit, currencies lower case ({@code usd}). */
    static Money money(JsonNode object, String amountField, String currency, String where) {
        String amount = JsonBodies.requireText(object, amountField, where);
        try {
            return new Money(Long.parseLong(amount), currency);
        } catch (NumberFormatException e) {
            throw new BadPayloadException(where + "." + amountField + " is not an integer amount: '" + amount + "'");
        }
    }

    static String currency(JsonNode object, String where) {
        return JsonBodies.requireText(object, "currency", where).toUpperCase(Locale.ROOT);
    }

    /** A Stripe customer id ({@code cus_...}), issued by Stripe for this account. */
    static Identity customer(String id) {
        return new Identity(IdentityType.MARKETPLACE_BUYER_ID, id, "stripe", true);
    }

    /** A card fingerprint: the same card gives the same value across Stripe customers of one account. */
    static Identity fingerprint(String value) {
        return new Identity(IdentityType.CARD_FINGERPRINT, value, "stripe", true);
    }
}
