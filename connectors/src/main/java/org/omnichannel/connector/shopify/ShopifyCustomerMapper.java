package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FanProfilePayload;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PersonDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code customers/create} and {@code customers/update} → FAN_PROFILE_UPDATED; also the customer part
 * (identities, person) of orders.
 */
final class ShopifyCustomerMapper {

    private ShopifyCustomerMapper() {
    }

    static ChannelEvent map(JsonNode customer, ShopifyEnvelope envelope) {
        String id = JsonBodies.requireText(customer, "id", "customer");
        Instant updated = JsonBodies.instant(customer, "updated_at", "customer");
        Instant occurredAt = updated != null ? updated : JsonBodies.requireInstant(customer, "created_at", "customer");
        ChannelEvent.Builder event = envelope.event(EventType.FAN_PROFILE_UPDATED, occurredAt,
                "customer", id, occurredAt.toString());
        identities(customer, null, null, envelope).forEach(event::identity);
        Map<String, Boolean> consents = new LinkedHashMap<>();
        consent(customer, "email_marketing_consent", "email", consents);
        consent(customer, "sms_marketing_consent", "sms", consents);
        List<String> tags = new ArrayList<>();
        String tagText = JsonBodies.text(customer, "tags");
        if (tagText != null) {
            for (String tag : tagText.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        return event.person(person(customer, JsonBodies.child(customer, "default_address"), null))
                .payload(new FanProfilePayload(consents, tags))
                .build();
    }

    /**
     * The customer's identities: Shopify's id, e-mail (verified when {@code verified_email}) and phone,
     * plus the order's own contact e-mail and phone when they differ. No duplicates.
     */
    static List<Identity> identities(JsonNode customer, String orderEmail, String orderPhone, ShopifyEnvelope envelope) {
        Map<String, Identity> found = new LinkedHashMap<>();
        String id = JsonBodies.text(customer, "id");
        if (id != null) {
            add(found, envelope.customerId(id));
        }
        boolean emailVerified = customer != null && customer.path("verified_email").asBoolean(false);
        String email = JsonBodies.text(customer, "email");
        if (email != null) {
            add(found, new Identity(IdentityType.EMAIL, email, null, emailVerified));
        }
        if (orderEmail != null && (email == null || !orderEmail.equalsIgnoreCase(email))) {
            add(found, Identity.of(IdentityType.EMAIL, orderEmail));
        }
        String phone = JsonBodies.text(customer, "phone");
        if (phone != null) {
            add(found, Identity.of(IdentityType.PHONE, phone));
        }
        if (orderPhone != null) {
            add(found, Identity.of(IdentityType.PHONE, orderPhone));
        }
        return List.copyOf(found.values());
    }

    private static void add(Map<String, Identity> found, Identity identity) {
        found.putIfAbsent(identity.type() + "\u001f" + identity.value().toLowerCase(java.util.Locale.ROOT), identity);
    }

    /** Names from the customer, the given address as the person's address; null when nothing is known. */
    static PersonDetails person(JsonNode customer, JsonNode address, String locale) {
        String given = JsonBodies.text(customer, "first_name");
        String family = JsonBodies.text(customer, "last_name");
        Address postal = address(address);
        if (given == null && family == null && postal == null && locale == null) {
            return null;
        }
        String full = given == null ? family : family == null ? given : given + " " + family;
        return new PersonDetails(full, given, family, null, null, locale, postal);
    }

    /** A Shopify address object ({@code address1}, {@code province_code}, {@code country_code}...), or null. */
    static Address address(JsonNode address) {
        if (address == null || !address.isObject() || JsonBodies.text(address, "address1") == null
                && JsonBodies.text(address, "city") == null && JsonBodies.text(address, "country_code") == null) {
            return null;
        }
        String name = JsonBodies.text(address, "name");
        if (name == null) {
            String first = JsonBodies.text(address, "first_name");
            String last = JsonBodies.text(address, "last_name");
            name = first == null ? last : last == null ? first : first + " " + last;
        }
        String region = JsonBodies.text(address, "province_code");
        return new Address(name, JsonBodies.text(address, "address1"), JsonBodies.text(address, "address2"),
                JsonBodies.text(address, "city"), region != null ? region : JsonBodies.text(address, "province"),
                JsonBodies.text(address, "zip"), JsonBodies.text(address, "country_code"),
                JsonBodies.text(address, "phone"));
    }

    private static void consent(JsonNode customer, String field, String purpose, Map<String, Boolean> consents) {
        String state = JsonBodies.text(JsonBodies.child(customer, field), "state");
        if (state != null) {
            consents.put(purpose, "subscribed".equals(state));
        }
    }
}
