package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelEvent;

/**
 * A canonical event together with the fan that identity resolution found for it. The incentive
 * engine does not resolve identities itself: whoever calls it (the OFBiz plugin, after
 * {@code resolveFan}) passes the fan id, or null when the event is anonymous.
 *
 * @param fanId the resolved fan, or null for an anonymous event
 * @param event the event; required
 */
public record AttributedEvent(String fanId, ChannelEvent event) {

    public AttributedEvent {
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
        fanId = fanId == null || fanId.isBlank() ? null : fanId;
    }

    public static AttributedEvent anonymous(ChannelEvent event) {
        return new AttributedEvent(null, event);
    }
}
