package org.omnichannel.hub.ingress;

import org.omnichannel.core.event.ChannelEvent;

/** Points an event at its raw body on omni.raw, unless its connector already said where the raw payload is. */
public final class RawReferences {

    private RawReferences() {
    }

    public static ChannelEvent attach(ChannelEvent event, RawBody raw) {
        if (event.raw() != null) {
            return event;
        }
        return new ChannelEvent(event.eventId(), event.channelId(), event.channelKind(), event.system(), event.type(),
                event.occurredAt(), event.receivedAt(), event.identities(), event.person(), event.employee(),
                event.facility(), event.payload(), raw.reference(), event.schemaVersion());
    }
}
