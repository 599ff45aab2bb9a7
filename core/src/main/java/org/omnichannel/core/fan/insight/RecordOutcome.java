package org.omnichannel.core.fan.insight;

/** What {@link FanInsightEngine#record(FanEvent)} did with an event. */
public enum RecordOutcome {
    /** Added to the fan's timeline; index and stage updated. */
    RECORDED,
    /** The fan's timeline already had this event (at-least-once delivery): nothing changed. */
    DUPLICATE,
    /** No fan: only the anonymous-order KPI took it into account. */
    ANONYMOUS,
    /** Not about a fan (a stock adjustment): ignored. */
    NOT_FAN_ACTIVITY,
    /** The fan was erased: nothing is recorded about it any more. */
    FAN_ERASED
}
