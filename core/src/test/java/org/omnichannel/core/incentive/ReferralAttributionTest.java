package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.core.incentive.Scenario.STORE_HZ;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;
import static org.omnichannel.core.incentive.Scenario.WEB;
import static org.omnichannel.core.incentive.Scenario.cny;

class ReferralAttributionTest {

    static IncentivePlan referralPlan(AttributionModel model, Set<InteractionKind> touches) {
        return Scenario.plan("referral-2026", List.of(ChannelKind.OFFLINE_DIRECT, ChannelKind.OFFLINE_FRANCHISE), List.of(),
                CommissionRule.percent(300),
                new ReferralRule(Duration.ofDays(14), model, touches, CommissionRule.percent(500)));
    }

    static IncentivePlan referralPlan(AttributionModel model) {
        return referralPlan(model, Set.of(InteractionKind.REFERRAL));
    }

    @Test
    void an_out_of_stock_referral_to_the_web_shop_is_credited_when_the_fan_buys_online_within_the_window() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:15:00", null);

        List<LedgerEntry> booked = s.order("fan-wang", WEB, "web-4711", null, "2026-12-04T10:15:00", cny("1299.00"));

        assertThat(booked).singleElement().satisfies(e -> {
            assertThat(e.employeeId()).isEqualTo("li-na");
            assertThat(e.kind()).isEqualTo(CreditKind.REFERRAL_COMMISSION);
            assertThat(e.amount()).isEqualTo(Amount.of(cny("64.95")));
            assertThat(e.channelId()).isEqualTo(STORE_SH);
            assertThat(e.facilityId()).as("credited to the store that referred").isEqualTo(STORE_SH);
            assertThat(e.orderRef()).isEqualTo("web-cn/web-4711");
            assertThat(e.periodId()).isEqualTo("2026-12");
        });
    }

    @Test
    void an_online_order_after_the_window_has_closed_credits_no_referrer() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:15:00", null);

        assertThat(s.order("fan-wang", WEB, "web-4711", null, "2026-12-04T10:15:01", cny("1299.00"))).isEmpty();
    }

    @Test
    void an_order_before_the_referral_or_by_another_fan_is_not_credited() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.order("fan-wang", WEB, "web-1", null, "2026-11-19T10:00:00", cny("100.00"));
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:15:00", null);

        assertThat(s.ledger.size()).isZero();
        assertThat(s.order("fan-li", WEB, "web-2", null, "2026-11-21T10:00:00", cny("100.00"))).isEmpty();
    }

    @Test
    void a_sale_on_the_referrers_own_channel_earns_sale_commission_not_referral_commission() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:15:00", null);

        List<LedgerEntry> booked = s.order("fan-wang", STORE_SH, "pos-1", "zhang-wei", "2026-11-21T10:00:00", cny("100.00"));

        assertThat(booked).singleElement().satisfies(e -> {
            assertThat(e.employeeId()).isEqualTo("zhang-wei");
            assertThat(e.kind()).isEqualTo(CreditKind.SALE_COMMISSION);
            assertThat(e.amount()).isEqualTo(Amount.of(cny("3.00")));
        });
    }

    @Test
    void first_touch_last_touch_and_split_credit_the_referrers_as_configured() {
        for (AttributionModel model : AttributionModel.values()) {
            Scenario s = new Scenario(referralPlan(model));
            s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:00:00", null);
            s.referral("fan-wang", STORE_HZ, "chen-jie", "2026-11-22T10:00:00", null);
            s.referral("fan-wang", STORE_SH, "zhang-wei", "2026-11-23T10:00:00", null);

            List<LedgerEntry> booked = s.order("fan-wang", WEB, "web-1", null, "2026-11-24T10:00:00", cny("1000.01"));

            switch (model) {
                case FIRST_TOUCH -> assertThat(booked).extracting(LedgerEntry::employeeId, e -> e.amount().value())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("li-na", 5000L));
                case LAST_TOUCH -> assertThat(booked).extracting(LedgerEntry::employeeId, e -> e.amount().value())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("zhang-wei", 5000L));
                case SPLIT -> assertThat(booked).extracting(LedgerEntry::employeeId, e -> e.amount().value())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("li-na", 1667L),
                                org.assertj.core.groups.Tuple.tuple("chen-jie", 1667L),
                                org.assertj.core.groups.Tuple.tuple("zhang-wei", 1666L));
            }
            assertThat(Scenario.sum(booked)).as(model + " sums to the whole commission").isEqualTo(5000L);
        }
    }

    @Test
    void the_last_touch_is_the_latest_in_time_even_when_touches_arrive_out_of_order() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral("fan-wang", STORE_SH, "zhang-wei", "2026-11-22T10:00:00", null);
        s.referral("fan-wang", STORE_HZ, "chen-jie", "2026-11-20T10:00:00", null); // delivered late

        assertThat(s.order("fan-wang", WEB, "web-1", null, "2026-11-24T10:00:00", cny("100.00")))
                .singleElement().extracting(LedgerEntry::employeeId).isEqualTo("zhang-wei");
    }

    @Test
    void split_credit_counts_an_employee_once_however_often_he_touched_the_fan() {
        Scenario s = new Scenario(referralPlan(AttributionModel.SPLIT));
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-20T10:00:00", null);
        s.referral("fan-wang", STORE_SH, "li-na", "2026-11-21T10:00:00", null);
        s.referral("fan-wang", STORE_SH, "zhang-wei", "2026-11-22T10:00:00", null);

        List<LedgerEntry> booked = s.order("fan-wang", WEB, "web-1", null, "2026-11-24T10:00:00", cny("100.00"));

        assertThat(booked).extracting(e -> e.amount().value()).containsExactly(250L, 250L);
    }

    @Test
    void an_anonymous_order_with_the_clerks_referral_code_credits_the_clerk() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral(null, STORE_SH, "li-na", "2026-11-20T10:15:00", "REF-LINA-7");

        List<LedgerEntry> booked = s.engine.record(AttributedEvent.anonymous(s.orderEvent(EventType.ORDER_PLACED, WEB,
                "web-9", null, "2026-11-22T09:00:00", cny("200.00"), "REF-LINA-7")));

        assertThat(booked).singleElement().extracting(LedgerEntry::employeeId).isEqualTo("li-na");
    }

    @Test
    void identifying_the_fan_in_the_store_counts_as_a_touch_when_the_plan_says_so() {
        Scenario strict = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        Scenario generous = new Scenario(referralPlan(AttributionModel.LAST_TOUCH,
                Set.of(InteractionKind.REFERRAL, InteractionKind.TRY_ON)));
        for (Scenario s : List.of(strict, generous)) {
            s.visit("fan-wang", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-20T10:15:00");
        }

        assertThat(strict.order("fan-wang", WEB, "web-1", null, "2026-11-21T10:00:00", cny("100.00"))).isEmpty();
        assertThat(generous.order("fan-wang", WEB, "web-1", null, "2026-11-21T10:00:00", cny("100.00")))
                .singleElement().extracting(LedgerEntry::employeeId).isEqualTo("li-na");
    }

    @Test
    void after_a_fan_merge_the_referrals_of_the_merged_away_fan_count_for_the_survivor() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.referral("fan-anon-phone", STORE_SH, "li-na", "2026-11-20T10:15:00", null);
        assertThat(s.order("fan-wang", WEB, "web-1", null, "2026-11-21T10:00:00", cny("100.00"))).isEmpty();

        s.engine.mergeFans("fan-wang", "fan-anon-phone");

        assertThat(s.order("fan-wang", WEB, "web-2", null, "2026-11-22T10:00:00", cny("100.00")))
                .singleElement().extracting(LedgerEntry::employeeId).isEqualTo("li-na");
        assertThat(s.order("fan-anon-phone", WEB, "web-3", null, "2026-11-22T11:00:00", cny("100.00")))
                .singleElement().extracting(LedgerEntry::fanId).isEqualTo("fan-wang");
    }

    @Test
    void merging_a_fan_into_itself_is_refused() {
        Scenario s = new Scenario(referralPlan(AttributionModel.LAST_TOUCH));
        s.engine.mergeFans("fan-a", "fan-b");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.engine.mergeFans("fan-a", "fan-b"))
                .hasMessageContaining("fan fan-b is already merged into fan-a");
    }
}
