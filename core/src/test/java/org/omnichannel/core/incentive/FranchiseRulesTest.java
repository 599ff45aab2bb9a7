package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.core.incentive.Scenario.STORE_HZ;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;
import static org.omnichannel.core.incentive.Scenario.WEB;
import static org.omnichannel.core.incentive.Scenario.cny;

class FranchiseRulesTest {

    static final IncentivePlan DIRECT = Scenario.plan("direct-2026", List.of(ChannelKind.OFFLINE_DIRECT),
            List.of(ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.points(10))),
            CommissionRule.percent(200),
            ReferralRule.of(Duration.ofDays(30), AttributionModel.LAST_TOUCH, CommissionRule.percent(300)));
    static final IncentivePlan FRANCHISE = Scenario.plan("franchise-2026", List.of(ChannelKind.OFFLINE_FRANCHISE),
            List.of(ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.of(cny("2.00")))),
            null,
            ReferralRule.of(Duration.ofDays(30), AttributionModel.LAST_TOUCH, CommissionRule.percent(800)));

    @Test
    void direct_and_franchise_staff_earn_under_their_own_plans_for_the_same_work() {
        Scenario s = new Scenario(DIRECT, FRANCHISE);

        LedgerEntry direct = s.interaction("fan-1", STORE_SH, "li-na", InteractionKind.VISIT, "2026-11-20T10:00:00",
                Map.of(), null, "13800138001").get(0);
        LedgerEntry franchise = s.interaction("fan-2", STORE_HZ, "chen-jie", InteractionKind.VISIT,
                "2026-11-20T10:00:00", Map.of(), null, "13800138002").get(0);

        assertThat(direct.planId()).isEqualTo("direct-2026");
        assertThat(direct.amount()).isEqualTo(Amount.points(10));
        assertThat(direct.franchiseeId()).isNull();
        assertThat(franchise.planId()).isEqualTo("franchise-2026");
        assertThat(franchise.amount()).isEqualTo(Amount.of(cny("2.00")));
        assertThat(franchise.franchiseeId()).isEqualTo("hz-partners");
        assertThat(franchise.channelKind()).isEqualTo(ChannelKind.OFFLINE_FRANCHISE);
    }

    @Test
    void a_franchise_till_earns_no_sale_commission_where_the_franchise_plan_has_none() {
        Scenario s = new Scenario(DIRECT, FRANCHISE);

        assertThat(s.order("fan-1", STORE_HZ, "hz-1", "chen-jie", "2026-11-20T10:00:00", cny("100.00"))).isEmpty();
        assertThat(s.order("fan-1", STORE_SH, "sh-1", "li-na", "2026-11-20T10:00:00", cny("100.00")))
                .singleElement().extracting(LedgerEntry::amount).isEqualTo(Amount.of(cny("2.00")));
    }

    @Test
    void a_franchise_referral_to_the_web_shop_earns_the_franchise_rate_and_rolls_up_to_the_franchisee() {
        Scenario s = new Scenario(DIRECT, FRANCHISE);
        s.referral("fan-1", STORE_HZ, "chen-jie", "2026-11-20T10:00:00", null);
        s.referral("fan-2", STORE_SH, "li-na", "2026-11-20T10:00:00", null);

        LedgerEntry franchise = s.order("fan-1", WEB, "web-1", null, "2026-11-21T10:00:00", cny("100.00")).get(0);
        LedgerEntry direct = s.order("fan-2", WEB, "web-2", null, "2026-11-21T10:00:00", cny("100.00")).get(0);

        assertThat(franchise.amount()).isEqualTo(Amount.of(cny("8.00")));
        assertThat(direct.amount()).isEqualTo(Amount.of(cny("3.00")));
        assertThat(s.engine.leaderboard("2026-11", "CNY", Leaderboard.Level.FRANCHISEE, 10))
                .containsExactly(new Standing(1, "hz-partners", Amount.of(cny("8.00"))));
    }
}
