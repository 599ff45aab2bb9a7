package org.omnichannel.connector.spi;

import org.omnichannel.core.event.ChannelEvent;

import java.util.List;

/**
 * The events a request maps to, and what to answer the vendor once they are safely queued. A
 * request may map to no event (a notification type we do not use): it is still acknowledged.
 */
public record MappingResult(List<ChannelEvent> events, ConnectorResponse acknowledgement) {

    public MappingResult {
        events = List.copyOf(events);
        acknowledgement = acknowledgement == null ? ConnectorResponse.accepted() : acknowledgement;
    }

    public static MappingResult of(List<ChannelEvent> events) {
        return new MappingResult(events, null);
    }

    public static MappingResult of(ChannelEvent event) {
        return new MappingResult(List.of(event), null);
    }
}
