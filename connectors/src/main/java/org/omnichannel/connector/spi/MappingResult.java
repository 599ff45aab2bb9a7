package org.omnichannel.connector.spi;

import org.omnichannel.core.event.ChannelEvent;

import java.util.List;

/**
 * The events a request maps to, and what to answer the vendor once they are safely queued. A
 * request may map to no event (a notification type we do not use): it is still acknowledged, and
 * {@link #problems()} says what was not mapped and why, so nothing is dropped silently.
 *
 * @param problems parts of the request that did not become events (unsupported types, bad rows)
 */
public record MappingResult(List<ChannelEvent> events, ConnectorResponse acknowledgement,
                            List<MappingProblem> problems) {

    public MappingResult {
        events = List.copyOf(events);
        acknowledgement = acknowledgement == null ? ConnectorResponse.accepted() : acknowledgement;
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Events with nothing left unmapped. */
    public MappingResult(List<ChannelEvent> events, ConnectorResponse acknowledgement) {
        this(events, acknowledgement, List.of());
    }

    public static MappingResult of(List<ChannelEvent> events) {
        return new MappingResult(events, null);
    }

    public static MappingResult of(ChannelEvent event) {
        return new MappingResult(List.of(event), null);
    }

    /** An authentic request of a type this connector does not map: acknowledged, no events, reported. */
    public static MappingResult unsupported(String where, String message, ConnectorResponse acknowledgement) {
        return new MappingResult(List.of(), acknowledgement, List.of(MappingProblem.unsupported(where, message)));
    }

    /** True when every part of the request became events. */
    public boolean isComplete() {
        return problems.isEmpty();
    }
}
