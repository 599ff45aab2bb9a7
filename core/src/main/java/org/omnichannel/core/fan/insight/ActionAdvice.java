package org.omnichannel.core.fan.insight;

import java.util.List;

/** Next-best-action for one fan in one context: what to do, and what not to do because of consent. */
public record ActionAdvice(String fanId, List<ActionHint> hints, List<WithheldHint> withheld) {

    public ActionAdvice {
        hints = List.copyOf(hints);
        withheld = List.copyOf(withheld);
    }

    /** The hints of one kind. */
    public List<ActionHint> hints(ActionKind kind) {
        return hints.stream().filter(h -> h.kind() == kind).toList();
    }
}
