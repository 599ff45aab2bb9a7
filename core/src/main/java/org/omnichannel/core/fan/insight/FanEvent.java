package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelEvent;

/**
 * A canonical event together with the fan it was resolved to. Identity resolution happens before
 * this engine and is not its business: the caller says which fan, or null for an anonymous event
 * (an offline sale nobody could link to a fan).
 *
 * @param fanId the fan the event belongs to, or null when anonymous
 * @param event the event, required
 */
public record FanEvent(String fanId, ChannelEvent event) {

    public FanEvent {
        if (event == null) {
            throw new IllegalArgumentException("FanEvent.event is required");
        }
        fanId = fanId == null || fanId.isBlank() ? null : fanId;
    }

    /** An event nobody could link to a fan. */
    public static FanEvent anonymous(ChannelEvent event) {
        return new FanEvent(null, event);
    }

    public boolean isAnonymous() {
        return fanId == null;
    }
}
