package org.omnichannel.core.fan.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fan's consents per channel and purpose; the latest report of a (channel, purpose) wins, so a
 * late-arriving old event never overrides a newer decision. Not thread-safe: the engine guards it.
 */
final class ConsentBook {

    private final Map<String, Consent> byChannelAndPurpose = new HashMap<>(4);

    void record(String channelId, Map<String, Boolean> consents, Instant at) {
        consents.forEach((purpose, granted) -> {
            if (purpose == null || granted == null) {
                return;
            }
            String key = channelId + '\u0000' + purpose;
            Consent old = byChannelAndPurpose.get(key);
            if (old == null || !old.at().isAfter(at)) {
                byChannelAndPurpose.put(key, new Consent(channelId, purpose, granted, at));
            }
        });
    }

    void addAll(ConsentBook other) {
        for (Consent c : other.byChannelAndPurpose.values()) {
            record(c.channelId(), Map.of(c.purpose(), c.granted()), c.at());
        }
    }

    List<Consent> all() {
        List<Consent> all = new ArrayList<>(byChannelAndPurpose.values());
        all.sort(java.util.Comparator.comparing(Consent::channelId).thenComparing(Consent::purpose));
        return all;
    }

    void clear() {
        byChannelAndPurpose.clear();
    }
}
