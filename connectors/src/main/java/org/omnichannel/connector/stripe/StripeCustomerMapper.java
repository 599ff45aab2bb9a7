package org.omnichannel.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FanProfilePayload;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PersonDetails;

import java.util.List;
import java.util.Map;

/**
 * {@code customer.created} / {@code customer.updated} → FAN_PROFILE_UPDATED: the Stripe customer id,
 * e-mail and phone as identities, name and address as person details. Keyed by the event id, since
 * one customer is updated many times.
 */
final class StripeCustomerMapper {

    private StripeCustomerMapper() {
    }

    static ChannelEvent map(StripeEnvelope event) {
        JsonNode customer = event.object();
        String id = JsonBodies.requireText(customer, "id", "customer");
        ChannelEvent.Builder builder = event.event(EventType.FAN_PROFILE_UPDATED, "event", event.eventId())
                .identity(StripeEnvelope.customer(id))
                .identity(IdentityType.EMAIL, JsonBodies.text(customer, "email"))
                .identity(IdentityType.PHONE, JsonBodies.text(customer, "phone"));
        String name = JsonBodies.text(customer, "name");
        Address address = StripeCheckoutMapper.address(customer.path("address"), name);
        if (name != null || address != null) {
            builder.person(new PersonDetails(name, null, null, null, null, null, address));
        }
        return builder.payload(new FanProfilePayload(Map.of(), List.of())).build();
    }
}
