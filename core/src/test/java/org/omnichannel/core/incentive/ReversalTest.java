package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Money;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;
import static org.omnichannel.core.incentive.Scenario.WEB;
import static org.omnichannel.core.incentive.Scenario.at;
import static org.omnichannel.core.incentive.Scenario.cny;

class ReversalTest {

    static final IncentivePlan PLAN = Scenario.plan("retail-2026", List.of(ChannelKind.OFFLINE_DIRECT), List.of(),
            CommissionRule.percent(300),
            ReferralRule.of(Duration.ofDays(14), AttributionModel.SPLIT, CommissionRule.percent(500)));

    @Test
    void a_partial_refund_reverses_the_commission_in_proportion_with_a_negative_entry() {
        Scenario s = new Scenario(PLAN);
        LedgerEntry sale = s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00", cny("1000.00")).get(0);

        List<LedgerEntry> reversal = s.refund(STORE_SH, "pos-1", "2026-11-21T10:00:00", cny("250.00"));

        assertThat(sale.amount()).isEqualTo(Amount.of(cny("30.00")));
        assertThat(reversal).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Amount.of(cny("-7.50")));
            assertThat(e.reversesEntryId()).isEqualTo(sale.entryId());
            assertThat(e.employeeId()).isEqualTo("li-na");
            assertThat(e.kind()).isEqualTo(CreditKind.SALE_COMMISSION);
            assertThat(e.isReversal()).isTrue();
        });
        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isEqualTo(2250);
    }

    @Test
    void refunds_that_add_up_to_the_whole_order_reverse_every_split_credit_exactly() {
        Scenario s = new Scenario(PLAN);
        s.referral("fan-1", STORE_SH, "li-na", "2026-11-20T10:00:00", null);
        s.referral("fan-1", STORE_SH, "zhang-wei", "2026-11-20T11:00:00", null);
        s.referral("fan-1", STORE_SH, "li-na", "2026-11-20T12:00:00", null);
        List<LedgerEntry> credits = s.order("fan-1", WEB, "web-1", null, "2026-11-21T10:00:00", cny("99.99"));
        assertThat(credits).extracting(e -> e.amount().value()).containsExactly(250L, 250L);

        s.refund(WEB, "web-1", "2026-11-22T10:00:00", cny("33.33"));
        s.refund(WEB, "web-1", "2026-11-23T10:00:00", cny("33.33"));
        s.refund(WEB, "web-1", "2026-11-24T10:00:00", cny("33.33"));

        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isZero();
        assertThat(s.engine.statement("zhang-wei", "2026-11").total("CNY")).isZero();
    }

    @Test
    void small_refunds_that_each_round_to_nothing_still_add_up_to_a_full_reversal() {
        Scenario s = new Scenario(PLAN);
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00", cny("1.00")); // 3% = 0.03

        List<LedgerEntry> first = s.refund(STORE_SH, "pos-1", "2026-11-21T10:00:00", cny("0.10"));
        for (int i = 0; i < 9; i++) {
            s.refund(STORE_SH, "pos-1", "2026-11-21T1" + i + ":30:00", cny("0.10"));
        }

        assertThat(first).as("0.03 x 10% rounds to nothing").isEmpty();
        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isZero();
    }

    @Test
    void a_refund_beyond_the_order_total_reverses_no_more_than_was_credited() {
        Scenario s = new Scenario(PLAN);
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00", cny("100.00"));

        s.refund(STORE_SH, "pos-1", "2026-11-21T10:00:00", cny("100.00"));
        List<LedgerEntry> more = s.refund(STORE_SH, "pos-1", "2026-11-22T10:00:00", cny("20.00"));

        assertThat(more).isEmpty();
        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isZero();
    }

    @Test
    void a_cancellation_reverses_what_earlier_refunds_left() {
        Scenario s = new Scenario(PLAN);
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00", cny("100.00"));
        s.refund(STORE_SH, "pos-1", "2026-11-21T10:00:00", cny("40.00"));

        List<LedgerEntry> cancelled = s.cancel(STORE_SH, "pos-1", "2026-11-22T10:00:00", cny("100.00"));

        assertThat(cancelled).singleElement().extracting(LedgerEntry::amount).isEqualTo(Amount.of(cny("-1.80")));
        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isZero();
        assertThat(s.cancel(STORE_SH, "pos-1", "2026-11-23T10:00:00", cny("100.00"))).isEmpty();
    }

    @Test
    void a_refund_after_the_period_closed_lands_in_the_next_period_with_a_negative_sign() {
        Scenario s = new Scenario(PLAN);
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-28T10:00:00", cny("500.00"));
        PeriodClose november = s.engine.closePeriod("2026-11", at("2026-12-01T09:00:00"));

        // the refund happened on 30 November but reached the engine after the close
        List<LedgerEntry> late = s.refund(STORE_SH, "pos-1", "2026-11-30T18:00:00", cny("500.00"));

        assertThat(november.payouts()).singleElement().extracting(Payout::total).isEqualTo(Amount.of(cny("15.00")));
        assertThat(late).singleElement().satisfies(e -> {
            assertThat(e.periodId()).isEqualTo("2026-12");
            assertThat(e.amount()).isEqualTo(Amount.of(cny("-15.00")));
        });
        assertThat(s.engine.statement("li-na", "2026-11").entries()).hasSize(1);
        assertThat(s.engine.statement("li-na", "2026-12").total("CNY")).isEqualTo(-1500);
    }

    @Test
    void a_refund_in_another_currency_than_the_order_is_refused_naming_both_on_every_delivery() {
        Scenario s = new Scenario(PLAN);
        s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00", cny("100.00"));
        AttributedEvent euros = AttributedEvent.anonymous(s.refundEvent(STORE_SH, "pos-1", "2026-11-21T10:00:00",
                Money.of("10.00", "EUR")));

        for (int delivery = 1; delivery <= 2; delivery++) {
            assertThatThrownBy(() -> s.engine.record(euros))
                    .hasMessageContaining("is in EUR but order pos-1 on channel store-sh-1 is in CNY");
        }
    }

    @Test
    void a_refund_of_an_order_the_engine_never_credited_books_nothing() {
        Scenario s = new Scenario(PLAN);

        assertThat(s.refund(WEB, "unknown", "2026-11-21T10:00:00", cny("10.00"))).isEmpty();
    }
}
