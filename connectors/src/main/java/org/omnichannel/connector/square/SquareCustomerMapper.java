package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FanProfilePayload;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PersonDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code customer.created} / {@code customer.updated} → FAN_PROFILE_UPDATED (eventId from the
 * notification's {@code event_id}): the Square customer id, e-mail and phone; names, birthday and
 * address as person details; e-mail consent from {@code preferences.email_unsubscribed}; the
 * customer's group ids as tags.
 */
final class SquareCustomerMapper {

    private SquareCustomerMapper() {
    }

    static ChannelEvent map(SquareEnvelope event) {
        JsonNode customer = event.objectNamed("customer");
        String id = JsonBodies.requireText(customer, "id", "customer");
        Instant updated = JsonBodies.instant(customer, "updated_at", "customer");
        ChannelEvent.Builder builder = event.event(EventType.FAN_PROFILE_UPDATED, updated, "event", event.eventId())
                .identity(event.customer(id))
                .identity(IdentityType.EMAIL, JsonBodies.text(customer, "email_address"))
                .identity(IdentityType.PHONE, JsonBodies.text(customer, "phone_number"));
        String given = JsonBodies.text(customer, "given_name");
        String family = JsonBodies.text(customer, "family_name");
        String full = given == null ? family : family == null ? given : given + " " + family;
        builder.person(new PersonDetails(full, given, family, birthday(customer), null, null,
                address(customer.path("address"), full)));
        Map<String, Boolean> consents = new LinkedHashMap<>();
        JsonNode unsubscribed = customer.path("preferences").path("email_unsubscribed");
        if (unsubscribed.isBoolean()) {
            consents.put("email", !unsubscribed.asBoolean());
        }
        List<String> tags = new java.util.ArrayList<>();
        customer.path("group_ids").forEach(group -> tags.add(group.asText()));
        return builder.payload(new FanProfilePayload(consents, tags)).build();
    }

    private static LocalDate birthday(JsonNode customer) {
        String text = JsonBodies.text(customer, "birthday");
        if (text == null) {
            return null;
        }
        try {
            // Square writes YYYY-MM-DD, or 0000-MM-DD when the year is unknown: keep only full dates.
            return text.startsWith("0000-") ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadPayloadException("customer.birthday is not YYYY-MM-DD: '" + text + "'");
        }
    }

    private static Address address(JsonNode address, String name) {
        String line1 = JsonBodies.text(address, "address_line_1");
        String city = JsonBodies.text(address, "locality");
        String country = JsonBodies.text(address, "country");
        if (line1 == null && city == null && country == null) {
            return null;
        }
        return new Address(name, line1, JsonBodies.text(address, "address_line_2"), city,
                JsonBodies.text(address, "administrative_district_level_1"), JsonBodies.text(address, "postal_code"),
                country, null);
    }
}
