package org.omnichannel.core.fan;

/**
 * The stable id of a fan, as other modules key their data by it (timelines, value index,
 * incentives). In OFBiz it is the fan's partyId. A fan merged into another keeps its id in the
 * merge audit, so data keyed by it can be re-pointed with {@link Resolution#mergedAway()}.
 */
public record FanId(String value) implements Comparable<FanId> {

    public FanId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("fan id is required and must not be blank");
        }
    }

    public static FanId of(String value) {
        return new FanId(value);
    }

    @Override
    public int compareTo(FanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
