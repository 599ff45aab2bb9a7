package org.omnichannel.core.fan.insight;

/** Where a fan stands with the brand; {@link LifecycleRules} decides it. */
public enum LifecycleStage {
    /** Known to the brand, has never bought (or every order was cancelled). */
    PROSPECT,
    /** One order, placed recently. */
    NEW,
    /** A buyer who is neither new nor loyal. */
    ACTIVE,
    /** Buys again and again and scores high. */
    LOYAL,
    /** Uses several kinds of channel (buys online, visits the store, follows on social) and scores high. */
    IRON_FAN,
    /** A buyer who has gone quiet for a while. */
    AT_RISK,
    /** A buyer who has gone quiet for so long they may be gone. */
    LAPSED
}
