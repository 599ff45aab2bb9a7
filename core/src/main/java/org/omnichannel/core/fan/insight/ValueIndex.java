package org.omnichannel.core.fan.insight;

import java.time.Instant;

/**
 * A fan's omni-channel value index as of an instant, 0..100, with the five components (each 0..1)
 * it was made of, so a clerk or analyst can see why.
 */
public record ValueIndex(double value, double breadth, double recency, double frequency, double monetary,
                         double engagement, Instant asOf) {

    /** The value rounded to one decimal, for display. */
    public double rounded() {
        return Math.round(value * 10) / 10.0;
    }
}
