package org.omnichannel.core.incentive;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Money;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.core.incentive.Scenario.STORE_HZ;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;
import static org.omnichannel.core.incentive.Scenario.WEB;

class ReversalPropertyTest {

    static final IncentivePlan PLAN = Scenario.plan("stores", List.of(ChannelKind.OFFLINE_DIRECT,
                    ChannelKind.OFFLINE_FRANCHISE), List.of(), CommissionRule.percent(300),
            ReferralRule.of(Duration.ofDays(14), AttributionModel.SPLIT, CommissionRule.percent(777)));

    static final List<String[]> REFERRERS = List.of(new String[]{STORE_SH, "li-na"}, new String[]{STORE_HZ, "chen-jie"},
            new String[]{STORE_SH, "zhang-wei"});

    @Property(tries = 300)
    void after_refunds_of_the_whole_order_every_employee_nets_exactly_zero(
            @ForAll @LongRange(min = 1, max = 100_000_000) long totalMinor,
            @ForAll @IntRange(min = 1, max = 3) int referrers,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 100) Integer> refundWeights) {
        Scenario s = new Scenario(PLAN);
        for (int i = 0; i < referrers; i++) {
            s.referral("fan-1", REFERRERS.get(i)[0], REFERRERS.get(i)[1], "2026-11-20T1" + i + ":00:00", null);
        }
        List<LedgerEntry> credits = s.order("fan-1", WEB, "web-1", null, "2026-11-21T10:00:00", new Money(totalMinor, "CNY"));
        long commission = Shares.proportion(totalMinor, 777, 10_000);
        assertThat(Scenario.sum(credits)).isEqualTo(commission);

        long[] refunds = Shares.split(totalMinor, refundWeights.stream().mapToLong(Integer::longValue).toArray());
        Map<String, Long> net = new HashMap<>();
        credits.forEach(e -> net.merge(e.employeeId(), e.amount().value(), Long::sum));
        int day = 22;
        for (long refund : refunds) {
            if (refund == 0) {
                continue;
            }
            for (LedgerEntry reversal : s.refund(WEB, "web-1", "2026-11-" + day + "T10:00:00", new Money(refund, "CNY"))) {
                assertThat(reversal.amount().value()).as("a reversal never adds credit").isNegative();
                net.merge(reversal.employeeId(), reversal.amount().value(), Long::sum);
                assertThat(net.get(reversal.employeeId())).as("never reversed beyond the credit").isNotNegative();
            }
            day = Math.min(day + 1, 30);
        }

        assertThat(net.values()).allMatch(v -> v == 0L);
    }

    @Property(tries = 300)
    void a_cancellation_after_any_partial_refunds_nets_every_employee_to_zero(
            @ForAll @LongRange(min = 1, max = 10_000_000) long totalMinor,
            @ForAll @Size(max = 4) List<@LongRange(min = 1, max = 10_000_000) Long> partials) {
        Scenario s = new Scenario(PLAN);
        List<LedgerEntry> all = new ArrayList<>(s.order("fan-1", STORE_SH, "pos-1", "li-na", "2026-11-20T10:00:00",
                new Money(totalMinor, "CNY")));
        for (long partial : partials) {
            all.addAll(s.refund(STORE_SH, "pos-1", "2026-11-21T10:00:00", new Money(partial, "CNY")));
        }
        all.addAll(s.cancel(STORE_SH, "pos-1", "2026-11-22T10:00:00", new Money(totalMinor, "CNY")));

        assertThat(Scenario.sum(all)).isZero();
        assertThat(s.engine.statement("li-na", "2026-11").total("CNY")).isZero();
    }
}
