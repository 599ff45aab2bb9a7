package org.omnichannel.connector.spi;

import org.omnichannel.core.event.ChannelEvent;

import java.util.List;

/**
 * The events a request maps to, and what to answer the vendor once they are safely queued. A
 * request may map to no event (a notification type we do not use): it is still acknowledged, and
 * {@link #skipped()} says why, so nothing is dropped silently.
 *
 * @param skipped what the request carried that produced no event, and why; empty when everything mapped
 */
public record MappingResult(List<ChannelEvent> events, ConnectorResponse acknowledgement, List<Skipped> skipped) {

    public MappingResult {
        events = List.copyOf(events);
        acknowledgement = acknowledgement == null ? ConnectorResponse.accepted() : acknowledgement;
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public MappingResult(List<ChannelEvent> events, ConnectorResponse acknowledgement) {
        this(events, acknowledgement, List.of());
    }

    public static MappingResult of(List<ChannelEvent> events) {
        return new MappingResult(events, null);
    }

    public static MappingResult of(ChannelEvent event) {
        return new MappingResult(List.of(event), null);
    }

    /** The vendor sent an event type this connector does not map; the detail names it and what is supported. */
    public static MappingResult unsupported(String detail) {
        return skipped(SkipReason.UNSUPPORTED_TYPE, detail);
    }

    /** No event, acknowledged, for the reason given. */
    public static MappingResult skipped(SkipReason reason, String detail) {
        return skipped(reason, detail, null);
    }

    /** No event, for the reason given, acknowledged with the body the vendor needs (Alipay's "success"...). */
    public static MappingResult skipped(SkipReason reason, String detail, ConnectorResponse acknowledgement) {
        return new MappingResult(List.of(), acknowledgement, List.of(new Skipped(reason, detail)));
    }

    /** True when the vendor sent something this connector does not map at all. */
    public boolean isUnsupported() {
        return skipped.stream().anyMatch(s -> s.reason() == SkipReason.UNSUPPORTED_TYPE);
    }

    /** Why part of a request produced no event. */
    public enum SkipReason {
        /** The connector does not map this vendor event type (the hub reports it; the vendor is acknowledged). */
        UNSUPPORTED_TYPE,
        /** The vendor object is in a state that is no business event yet (a payment only authorised, a test ping). */
        NOT_ACTIONABLE,
        /** The vendor sends only a summary; the object has to be fetched from its API to map it. */
        SUMMARY_ONLY,
        /**
         * One part of the request is invalid (a row of a dropped file, a receipt whose rows do not add
         * up); the other parts were mapped. The detail names where ("line 7: ...", "order SH01/1002: ...").
         */
        INVALID_PART
    }

    /** One thing that produced no event; {@code detail} is safe to log (ids and types, never personal data). */
    public record Skipped(SkipReason reason, String detail) {

        public Skipped {
            if (reason == null || detail == null || detail.isBlank()) {
                throw new IllegalArgumentException("a skip needs a reason and a detail");
            }
        }
    }
}
