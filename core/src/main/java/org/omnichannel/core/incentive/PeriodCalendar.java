package org.omnichannel.core.incentive;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Monthly payout periods in the brand's time zone: "2026-11" runs from 1 November 00:00 to
 * 1 December 00:00 local time, so a sale at 23:30 in Shanghai on the 30th is November's.
 */
public record PeriodCalendar(ZoneId zone) {

    public PeriodCalendar {
        PlanChecks.required(zone, "period calendar zone");
    }

    public static PeriodCalendar monthly(ZoneId zone) {
        return new PeriodCalendar(zone);
    }

    public IncentivePeriod periodOf(Instant at) {
        return period(YearMonth.from(at.atZone(zone)));
    }

    public IncentivePeriod period(String periodId) {
        try {
            return period(YearMonth.parse(PlanChecks.required(periodId, "periodId")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period id '" + periodId + "' is not a month such as 2026-11");
        }
    }

    public IncentivePeriod next(IncentivePeriod period) {
        return period(YearMonth.parse(period.periodId()).plusMonths(1));
    }

    private IncentivePeriod period(YearMonth month) {
        return new IncentivePeriod(month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
