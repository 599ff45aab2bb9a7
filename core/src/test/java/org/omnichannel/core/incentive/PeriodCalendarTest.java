package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodCalendarTest {

    final PeriodCalendar shanghai = PeriodCalendar.monthly(ZoneId.of("Asia/Shanghai"));

    @Test
    void a_month_runs_from_local_midnight_to_local_midnight_in_the_brands_zone() {
        // 07:00 on 1 December in Shanghai is still 30 November in UTC
        assertThat(shanghai.periodOf(Instant.parse("2026-11-30T23:00:00Z")).periodId()).isEqualTo("2026-12");
        assertThat(shanghai.periodOf(Instant.parse("2026-11-30T15:59:59Z")).periodId()).isEqualTo("2026-11");
        assertThat(shanghai.period("2026-11").end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void the_period_after_december_is_january_of_the_next_year() {
        assertThat(shanghai.next(shanghai.period("2026-12")).periodId()).isEqualTo("2027-01");
    }

    @Test
    void a_period_id_that_is_not_a_month_is_refused() {
        assertThatThrownBy(() -> shanghai.period("2026-13")).hasMessage("period id '2026-13' is not a month such as 2026-11");
    }
}
