package org.omnichannel.core.fan.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The length of a KPI period; a period is named by its first day. */
public enum PeriodGranularity {
    DAY,
    /** ISO weeks, Monday to Sunday. */
    WEEK,
    MONTH;

    /** The first day of the period that contains the instant, in the zone. */
    public LocalDate start(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
