package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical event: everything the hub and OFBiz need to know about one thing that happened on
 * one channel. Its JSON form is published as {@code schema/channel-event.schema.json}.
 *
 * @param eventId       deterministic from channel and vendor id ({@link EventIds}): the idempotency key
 * @param channelId     the channel as configured in the hub (e.g. "shop-eu", "store-shanghai-1")
 * @param channelKind   which of the five kinds the channel is
 * @param system        the connector that produced it (shopify, wechat-oa, pos-csv...)
 * @param type          what happened; decides the payload record
 * @param occurredAt    when it happened, by the channel's clock
 * @param receivedAt    when the hub received it
 * @param identities    identifiers of the fan seen on the event, possibly none (an anonymous sale)
 * @param person        what the channel said about the fan besides identifiers, or null
 * @param employee      who served the fan, or null
 * @param facility      where it happened, or null
 * @param payload       the typed body
 * @param raw           where the vendor's raw payload is kept, or null
 * @param schemaVersion version of this model; {@value #SCHEMA_VERSION} today
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "eventId", "channelId", "channelKind", "system", "type", "occurredAt",
        "receivedAt", "identities", "person", "employee", "facility", "payload", "raw"})
public record ChannelEvent(String eventId, String channelId, ChannelKind channelKind, String system,
                           EventType type, Instant occurredAt, Instant receivedAt, List<Identity> identities,
                           PersonDetails person, EmployeeRef employee, FacilityRef facility, EventPayload payload,
                           RawReference raw, int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public ChannelEvent {
        eventId = Checks.requiredText(eventId, "eventId");
        channelId = Checks.requiredText(channelId, "channelId");
        Checks.required(channelKind, "channelKind");
        system = Checks.requiredText(system, "system");
        Checks.required(type, "type");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(receivedAt, "receivedAt");
        identities = Checks.list(identities);
        Checks.required(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException("payload of a " + type + " event must be "
                    + type.payloadType().getSimpleName() + ", was " + payload.getClass().getSimpleName());
        }
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not supported; this build reads "
                    + SCHEMA_VERSION);
        }
    }

    /** The payload as the record its type calls for. */
    public <P extends EventPayload> P payloadAs(Class<P> type) {
        return type.cast(payload);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder for connectors, which learn the fields one by one. */
    public static final class Builder {
        private String eventId;
        private String channelId;
        private ChannelKind channelKind;
        private String system;
        private EventType type;
        private Instant occurredAt;
        private Instant receivedAt;
        private final List<Identity> identities = new ArrayList<>();
        private PersonDetails person;
        private EmployeeRef employee;
        private FacilityRef facility;
        private EventPayload payload;
        private RawReference raw;

        private Builder() {
        }

        /** Which channel the event comes from; set it before {@link #externalId(String...)}. */
        public Builder channel(String channelId, ChannelKind kind, String system) {
            this.channelId = channelId;
            this.channelKind = kind;
            this.system = system;
            return this;
        }

        /** The vendor's own id of the event or object; the eventId is derived from it and the channel. */
        public Builder externalId(String... externalIdParts) {
            this.eventId = EventIds.of(channelId, externalIdParts);
            return this;
        }

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder type(EventType type) {
            this.type = type;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder identity(Identity identity) {
            identities.add(identity);
            return this;
        }

        public Builder identity(IdentityType type, String value) {
            if (value != null && !value.isBlank()) {
                identities.add(Identity.of(type, value));
            }
            return this;
        }

        public Builder person(PersonDetails person) {
            this.person = person;
            return this;
        }

        public Builder employee(EmployeeRef employee) {
            this.employee = employee;
            return this;
        }

        public Builder facility(FacilityRef facility) {
            this.facility = facility;
            return this;
        }

        public Builder payload(EventPayload payload) {
            this.payload = payload;
            return this;
        }

        public Builder raw(RawReference raw) {
            this.raw = raw;
            return this;
        }

        public ChannelEvent build() {
            return new ChannelEvent(eventId, channelId, channelKind, system, type, occurredAt,
                    receivedAt == null ? Instant.now() : receivedAt, identities, person, employee, facility,
                    payload, raw, SCHEMA_VERSION);
        }
    }
}
