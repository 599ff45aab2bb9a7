package org.omnichannel.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PersonDetails;

import java.util.List;
import java.util.Locale;

/**
 * {@code checkout.session.completed} → ORDER_PLACED. The order id is the session's
 * {@code client_reference_id} (the shop's own cart or order id) or else the session id; totals come
 * from {@code amount_subtotal}, {@code total_details} and {@code amount_total}; the buyer from
 * {@code customer_details}, the shipping address from {@code collected_information.shipping_details}
 * (or the older {@code shipping_details}). Stripe does not put line items in the event (they must be
 * fetched with {@code GET /v1/checkout/sessions/{id}/line_items}), so the order has no lines: the
 * shop's own order (via {@code client_reference_id}) carries them. Without a shipping address the
 * order is DIGITAL. {@code payment_status} is kept as the vendor status; the money itself arrives
 * as the PaymentIntent's PAYMENT_CAPTURED.
 */
final class StripeCheckoutMapper {

    private StripeCheckoutMapper() {
    }

    static ChannelEvent map(StripeEnvelope event) {
        JsonNode session = event.object();
        String id = JsonBodies.requireText(session, "id", "checkout.session");
        String currencyText = JsonBodies.text(session, "currency");
        if (currencyText == null || JsonBodies.text(session, "amount_total") == null) {
            throw new BadPayloadException("checkout.session " + id + " has no currency or amount_total (status '"
                    + JsonBodies.text(session, "status") + "'): a completed session always has both");
        }
        String currency = currencyText.toUpperCase(Locale.ROOT);
        JsonNode details = session.path("customer_details");
        ChannelEvent.Builder builder = event.event(EventType.ORDER_PLACED, "checkout.session", id);
        String customer = JsonBodies.text(session, "customer");
        if (customer != null) {
            builder.identity(StripeEnvelope.customer(customer));
        }
        builder.identity(IdentityType.EMAIL, JsonBodies.text(details, "email"));
        builder.identity(IdentityType.PHONE, JsonBodies.text(details, "phone"));
        Address billing = address(details.path("address"), JsonBodies.text(details, "name"));
        String name = JsonBodies.text(details, "name");
        if (name != null || billing != null) {
            builder.person(new PersonDetails(name, null, null, null, null, null, billing));
        }
        JsonNode shipping = session.path("collected_information").path("shipping_details");
        if (!shipping.isObject()) {
            shipping = session.path("shipping_details");
        }
        Address shipTo = address(shipping.path("address"), JsonBodies.text(shipping, "name"));
        JsonNode totals = session.path("total_details");
        String reference = JsonBodies.text(session, "client_reference_id");
        return builder.payload(new OrderPayload(reference != null ? reference : id, id,
                        JsonBodies.text(session, "payment_status"), currency, List.of(),
                        optional(session, "amount_subtotal", currency),
                        optional(totals, "amount_discount", currency),
                        optional(totals, "amount_shipping", currency),
                        optional(totals, "amount_tax", currency),
                        StripeEnvelope.money(session, "amount_total", currency, "checkout.session"),
                        billing, shipTo, shipTo == null ? FulfilmentMode.DIGITAL : FulfilmentMode.SHIP, null, null))
                .build();
    }

    private static Money optional(JsonNode parent, String field, String currency) {
        return JsonBodies.text(parent, field) == null ? null : StripeEnvelope.money(parent, field, currency, "checkout.session");
    }

    /** A Stripe address ({@code line1}, {@code postal_code}, {@code state}, {@code country}), or null when it has no line, city or country. */
    static Address address(JsonNode address, String name) {
        String line1 = JsonBodies.text(address, "line1");
        String city = JsonBodies.text(address, "city");
        String country = JsonBodies.text(address, "country");
        if (line1 == null && city == null && country == null) {
            return null;
        }
        return new Address(name, line1, JsonBodies.text(address, "line2"), city, JsonBodies.text(address, "state"),
                JsonBodies.text(address, "postal_code"), country, null);
    }
}
