package org.omnichannel.core.fan.insight;

import java.util.List;

/**
 * What next-best-action reads about a fan: the insight, the timeline and the consents. The engine
 * makes one; a caller holding the data elsewhere (OFBiz entities) can make one too.
 */
public record FanView(FanInsight insight, List<TimelineEntry> timeline, List<Consent> consents) {

    public FanView {
        if (insight == null) {
            throw new IllegalArgumentException("FanView.insight is required");
        }
        timeline = List.copyOf(timeline);
        consents = List.copyOf(consents);
    }
}
