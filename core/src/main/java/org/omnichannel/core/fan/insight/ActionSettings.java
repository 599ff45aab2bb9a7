package org.omnichannel.core.fan.insight;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Windows and limits of the next-best-action rules.
 *
 * @param complaintWindow a complaint older than this no longer calls for a callback
 * @param browseWindow    online browsing older than this is not shown to the clerk
 * @param openOrderWindow an order older than this is no longer considered open
 * @param closedStatuses  vendor order statuses (case-insensitive) that mean the order is done
 * @param maxProducts     at most this many products per hint
 */
public record ActionSettings(Duration complaintWindow, Duration browseWindow, Duration openOrderWindow,
                             Set<String> closedStatuses, int maxProducts) {

    public ActionSettings {
        for (Duration d : new Duration[]{complaintWindow, browseWindow, openOrderWindow}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("next-best-action windows must be positive durations, got " + d);
            }
        }
        closedStatuses = closedStatuses == null ? Set.of()
                : closedStatuses.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (maxProducts < 1) {
            throw new IllegalArgumentException("maxProducts must be at least 1, was " + maxProducts);
        }
    }

    public static ActionSettings defaults() {
        return new ActionSettings(Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(60),
                Set.of("completed", "delivered", "closed", "fulfilled", "finished", "trade_finished"), 5);
    }

    boolean isClosed(String vendorStatus) {
        return vendorStatus != null && closedStatuses.contains(vendorStatus.toLowerCase(Locale.ROOT));
    }
}
