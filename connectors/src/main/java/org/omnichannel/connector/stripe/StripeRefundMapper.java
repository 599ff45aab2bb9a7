package org.omnichannel.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.PersonDetails;
import org.omnichannel.core.event.RefundPayload;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code charge.refunded} → REFUND_ISSUED. When the charge lists its refunds ({@code refunds.data},
 * included by API versions before 2022-11-15 or when expanded), each succeeded or pending refund is
 * one event keyed by its {@code re_...} id, so a refund seen again in a later event is a duplicate.
 * Otherwise one event for the part refunded now: {@code amount_refunded} minus
 * {@code previous_attributes.amount_refunded} (all of it when there are no previous attributes).
 * The order is the metadata value named by {@code orderIdMetadataKey}, else the PaymentIntent, else the charge.
 */
final class StripeRefundMapper {

    private StripeRefundMapper() {
    }

    static List<ChannelEvent> map(StripeEnvelope event) {
        JsonNode charge = event.object();
        String chargeId = JsonBodies.requireText(charge, "id", "charge");
        String currency = StripeEnvelope.currency(charge, "charge");
        Money refunded = StripeEnvelope.money(charge, "amount_refunded", currency, "charge");
        if (refunded.amountMinor() <= 0) {
            throw new BadPayloadException("charge " + chargeId + " is in a charge.refunded event but amount_refunded is "
                    + refunded.amountMinor() + ": nothing was refunded");
        }
        String orderKey = event.channel().setting("orderIdMetadataKey").orElse("order_id");
        String orderId = first(JsonBodies.text(charge.path("metadata"), orderKey),
                JsonBodies.text(charge, "payment_intent"), chargeId);
        List<ChannelEvent> events = new ArrayList<>();
        JsonNode refunds = charge.path("refunds").path("data");
        for (int i = 0; i < refunds.size(); i++) {
            JsonNode refund = refunds.get(i);
            String where = "charge.refunds.data[" + i + "]";
            String status = JsonBodies.text(refund, "status");
            if ("failed".equals(status) || "canceled".equals(status)) {
                continue;
            }
            String refundId = JsonBodies.requireText(refund, "id", where);
            Money amount = StripeEnvelope.money(refund, "amount", StripeEnvelope.currency(refund, where), where);
            events.add(event(event, charge, refundId, "refund", orderId, amount, JsonBodies.text(refund, "reason")));
        }
        if (events.isEmpty()) {
            String before = JsonBodies.text(event.previousAttributes(), "amount_refunded");
            Money now = before == null ? refunded
                    : refunded.minus(StripeEnvelope.money(event.previousAttributes(), "amount_refunded", currency,
                    "event.data.previous_attributes"));
            events.add(event(event, charge, chargeId + "@" + refunded.amountMinor(), "charge-refund", orderId, now, null));
        }
        return events;
    }

    private static ChannelEvent event(StripeEnvelope event, JsonNode charge, String refundId, String idKind,
                                      String orderId, Money amount, String reason) {
        ChannelEvent.Builder builder = event.event(EventType.REFUND_ISSUED, idKind, refundId);
        String customer = JsonBodies.text(charge, "customer");
        if (customer != null) {
            builder.identity(StripeEnvelope.customer(customer));
        }
        JsonNode billing = charge.path("billing_details");
        builder.identity(IdentityType.EMAIL, JsonBodies.text(billing, "email"));
        builder.identity(IdentityType.PHONE, JsonBodies.text(billing, "phone"));
        String fingerprint = JsonBodies.text(charge.path("payment_method_details").path("card"), "fingerprint");
        if (fingerprint != null) {
            builder.identity(StripeEnvelope.fingerprint(fingerprint));
        }
        String name = JsonBodies.text(billing, "name");
        if (name != null) {
            builder.person(PersonDetails.named(name));
        }
        return builder.payload(new RefundPayload(refundId, orderId, amount, List.of(), reason, null)).build();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
