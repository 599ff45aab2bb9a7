package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.time.Instant;
import java.util.List;

/**
 * Payments and refunds. A payment is PAYMENT_CAPTURED of its {@code total_money} (amount plus tip)
 * once its status is COMPLETED; before that (APPROVED, PENDING) or after a failure it is no business
 * event and is reported as NOT_ACTIONABLE. {@code payment.created} and {@code payment.updated} of one
 * payment share the eventId {@code payment/<id>}, so a capture seen twice is one event. A refund is
 * REFUND_ISSUED while PENDING or COMPLETED (eventId {@code refund/<id>}); FAILED or REJECTED refunds
 * are NOT_ACTIONABLE. The location is the facility; the card fingerprint, Square customer and buyer
 * e-mail are identities.
 */
final class SquarePaymentMapper {

    private SquarePaymentMapper() {
    }

    static MappingResult payment(SquareEnvelope event) {
        JsonNode payment = event.objectNamed("payment");
        String id = JsonBodies.requireText(payment, "id", "payment");
        String status = JsonBodies.requireText(payment, "status", "payment");
        if (!"COMPLETED".equals(status)) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE,
                    "square payment " + id + " is " + status + "; it is mapped once COMPLETED");
        }
        Instant updated = JsonBodies.instant(payment, "updated_at", "payment");
        ChannelEvent.Builder builder = event.event(EventType.PAYMENT_CAPTURED, updated, "payment", id);
        identities(event, payment).forEach(builder::identity);
        facility(payment, builder);
        return MappingResult.of(builder.payload(new PaymentPayload(id, JsonBodies.text(payment, "order_id"),
                SquareEnvelope.money(payment, "total_money", "payment"),
                method(JsonBodies.text(payment, "source_type")), SquareConnector.SYSTEM)).build());
    }

    static MappingResult refund(SquareEnvelope event) {
        JsonNode refund = event.objectNamed("refund");
        String id = JsonBodies.requireText(refund, "id", "refund");
        String status = JsonBodies.requireText(refund, "status", "refund");
        if (!"PENDING".equals(status) && !"COMPLETED".equals(status)) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE,
                    "square refund " + id + " is " + status + ": nothing was given back");
        }
        String orderId = JsonBodies.text(refund, "order_id");
        if (orderId == null) {
            orderId = JsonBodies.requireText(refund, "payment_id", "refund");
        }
        Instant created = JsonBodies.instant(refund, "created_at", "refund");
        ChannelEvent.Builder builder = event.event(EventType.REFUND_ISSUED, created, "refund", id);
        facility(refund, builder);
        return MappingResult.of(builder.payload(new RefundPayload(id, orderId,
                SquareEnvelope.money(refund, "amount_money", "refund"), List.of(), JsonBodies.text(refund, "reason"),
                null)).build());
    }

    private static List<Identity> identities(SquareEnvelope event, JsonNode payment) {
        java.util.ArrayList<Identity> found = new java.util.ArrayList<>();
        String customer = JsonBodies.text(payment, "customer_id");
        if (customer != null) {
            found.add(event.customer(customer));
        }
        String email = JsonBodies.text(payment, "buyer_email_address");
        if (email != null) {
            found.add(Identity.of(IdentityType.EMAIL, email));
        }
        String fingerprint = JsonBodies.text(payment.path("card_details").path("card"), "fingerprint");
        if (fingerprint != null) {
            found.add(new Identity(IdentityType.CARD_FINGERPRINT, fingerprint, "square", true));
        }
        return found;
    }

    private static void facility(JsonNode object, ChannelEvent.Builder builder) {
        String location = JsonBodies.text(object, "location_id");
        if (location != null) {
            builder.facility(new FacilityRef(location, null));
        }
    }

    /** Square's {@code source_type} as our payment method. */
    static PaymentMethod method(String sourceType) {
        if (sourceType == null) {
            return PaymentMethod.OTHER;
        }
        return switch (sourceType) {
            case "CARD" -> PaymentMethod.CARD;
            case "CASH" -> PaymentMethod.CASH;
            case "WALLET" -> PaymentMethod.WALLET;
            case "BANK_ACCOUNT" -> PaymentMethod.BANK_TRANSFER;
            default -> PaymentMethod.OTHER;
        };
    }
}
