package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.PersonDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything the engine keeps about one fan. Guarded by the engine; never handed out. */
final class FanState {

    final String fanId;
    final FanTimeline timeline = new FanTimeline();
    FanAggregate aggregate;
    final ConsentBook consents = new ConsentBook();
    final Set<Identity> identities = new LinkedHashSet<>(2);
    final Set<String> tags = new LinkedHashSet<>(1);
    PersonDetails person;
    Instant personAt;
    LifecycleStage stage;
    LifecycleTransition transition;
    final List<LifecycleTransition> history = new ArrayList<>(2);
    boolean everIronFan;
    Instant evaluatedAt;

    FanState(String fanId, ValueIndexSettings settings) {
        this.fanId = fanId;
        this.aggregate = new FanAggregate(settings);
    }
}
