package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionKind;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.core.incentive.Scenario.STORE_HZ;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;
import static org.omnichannel.core.incentive.Scenario.at;
import static org.omnichannel.core.incentive.Scenario.cny;

class PeriodCloseTest {

    static final IncentivePlan PLAN = Scenario.plan("all-stores", List.of(ChannelKind.OFFLINE_DIRECT,
                    ChannelKind.OFFLINE_FRANCHISE),
            List.of(ActivityRule.of("try-on", ActivityKind.TRY_ON, Amount.points(2)),
                    ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.points(10))),
            CommissionRule.percent(300), null);

    @Test
    void closing_a_period_freezes_one_payout_per_employee_and_unit() {
        Scenario s = new Scenario(PLAN);
        s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-03T10:00:00");
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-03T10:30:00", cny("200.00"));
        s.visit("fan-2", STORE_HZ, "chen-jie", InteractionKind.TRY_ON, "2026-11-04T10:00:00");
        s.visit("fan-3", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-12-01T00:00:00");

        PeriodClose close = s.engine.closePeriod("2026-11", at("2026-12-01T08:00:00"));

        assertThat(close.payouts()).containsExactly(
                new Payout("chen-jie", "dept-franchise", "hz-partners", Amount.points(2), 1),
                new Payout("li-na", "dept-sh-retail", null, Amount.of(cny("6.00")), 1),
                new Payout("li-na", "dept-sh-retail", null, Amount.points(2), 1));
        assertThat(s.ledger.closeOf("2026-11")).contains(close);
    }

    @Test
    void a_period_cannot_be_closed_before_it_ends_nor_twice() {
        Scenario s = new Scenario(PLAN);

        assertThatThrownBy(() -> s.engine.closePeriod("2026-11", at("2026-11-30T23:59:59")))
                .hasMessageContaining("period 2026-11 cannot be closed before it ends");
        s.engine.closePeriod("2026-11", at("2026-12-01T00:00:00"));
        assertThatThrownBy(() -> s.engine.closePeriod("2026-11", at("2026-12-02T00:00:00")))
                .hasMessage("period 2026-11 is closed already");
        assertThatThrownBy(() -> s.engine.closePeriod("November", at("2026-12-02T00:00:00")))
                .hasMessageContaining("period id 'November' is not a month such as 2026-11");
    }

    @Test
    void the_ledger_refuses_entries_into_a_closed_period_and_rewritten_entries() {
        Scenario s = new Scenario(PLAN);
        LedgerEntry entry = s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-03T10:00:00").get(0);

        assertThatThrownBy(() -> s.ledger.append(List.of(entry)))
                .hasMessageContaining("is already booked: entries are never rewritten");
        s.engine.closePeriod("2026-11", at("2026-12-01T00:00:00"));
        LedgerEntry intoClosed = new LedgerEntry("other", "2026-11", "li-na", null, null, STORE_SH,
                ChannelKind.OFFLINE_DIRECT, STORE_SH, CreditKind.ACTIVITY, "try-on", Amount.points(1), "e", at("2026-11-03T10:00:00"),
                "all-stores", null, null, null);
        assertThatThrownBy(() -> s.ledger.append(List.of(intoClosed)))
                .hasMessageContaining("period 2026-11 is closed");
    }

    @Test
    void an_event_of_a_closed_period_that_arrives_late_is_credited_in_the_next_open_period() {
        Scenario s = new Scenario(PLAN);
        s.engine.closePeriod("2026-11", at("2026-12-01T00:00:00"));
        s.engine.closePeriod("2026-12", at("2027-01-01T00:00:00"));

        List<LedgerEntry> late = s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-30T20:00:00");

        assertThat(late).singleElement().extracting(LedgerEntry::periodId).isEqualTo("2027-01");
    }

    @Test
    void a_statement_lists_every_entry_of_the_employee_with_its_source_event_and_the_totals() {
        Scenario s = new Scenario(PLAN);
        LedgerEntry tryOn = s.interaction("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-03T10:00:00",
                Map.of(), null, null).get(0);
        LedgerEntry sale = s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-03T10:30:00", cny("200.00")).get(0);
        LedgerEntry refund = s.refund(STORE_SH, "pos-1", "2026-11-05T10:00:00", cny("50.00")).get(0);
        s.visit("fan-2", STORE_SH, "zhang-wei", InteractionKind.TRY_ON, "2026-11-04T10:00:00");

        Statement statement = s.engine.statement("li-na", "2026-11");

        assertThat(statement.entries()).containsExactly(tryOn, sale, refund);
        assertThat(statement.entries()).extracting(LedgerEntry::sourceEventId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(statement.totals()).containsExactlyInAnyOrderEntriesOf(Map.of(Amount.POINTS, 2L, "CNY", 450L));
        assertThat(statement.closed()).isFalse();
        s.engine.closePeriod("2026-11", at("2026-12-01T00:00:00"));
        assertThat(s.engine.statement("li-na", "2026-11").closed()).isTrue();
    }

    @Test
    void the_leaderboard_ranks_by_net_credit_with_shared_ranks_for_ties() {
        Scenario s = new Scenario(PLAN);
        s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-03T10:00:00");
        s.visit("fan-2", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-03T11:00:00");
        s.visit("fan-3", STORE_SH, "zhang-wei", InteractionKind.TRY_ON, "2026-11-03T10:00:00");
        s.visit("fan-4", STORE_HZ, "chen-jie", InteractionKind.TRY_ON, "2026-11-03T10:00:00");

        assertThat(s.engine.leaderboard("2026-11", Amount.POINTS, Leaderboard.Level.EMPLOYEE, 10)).containsExactly(
                new Standing(1, "li-na", Amount.points(4)),
                new Standing(2, "chen-jie", Amount.points(2)),
                new Standing(2, "zhang-wei", Amount.points(2)));
        assertThat(s.engine.leaderboard("2026-11", Amount.POINTS, Leaderboard.Level.DEPARTMENT, 1)).containsExactly(
                new Standing(1, "dept-sh-retail", Amount.points(6)));
        assertThat(s.engine.leaderboard("2026-11", Amount.POINTS, Leaderboard.Level.FACILITY, 10)).containsExactly(
                new Standing(1, STORE_SH, Amount.points(6)), new Standing(2, STORE_HZ, Amount.points(2)));
    }
}
