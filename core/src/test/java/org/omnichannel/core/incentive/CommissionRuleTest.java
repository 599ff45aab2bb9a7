package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommissionRuleTest {

    static OrderPayload order(String total, String shipping, String tax, String currency) {
        Money grand = Money.of(total, currency);
        return new OrderPayload("o-1", null, null, currency,
                List.of(new OrderLine("L1", "SKU", null, null, BigDecimal.ONE, grand, null, grand)),
                null, null, shipping == null ? null : Money.of(shipping, currency),
                tax == null ? null : Money.of(tax, currency), grand, null, null, null, null, null);
    }

    @Test
    void commission_is_on_the_grand_total_less_shipping_and_tax_rounded_half_up_to_the_fen() {
        // (100.00 - 10.00 - 5.00) x 2.5% = 2.125 -> 2.13
        assertThat(CommissionRule.percent(250).commissionOn(order("100.00", "10.00", "5.00", "CNY")))
                .isEqualTo(Money.of("2.13", "CNY"));
    }

    @Test
    void tiers_are_marginal_and_the_cap_limits_one_order() {
        CommissionRule rule = new CommissionRule("CNY", List.of(new CommissionRule.Tier(0, 200),
                new CommissionRule.Tier(100_000, 500)), 6_000L);

        assertThat(rule.commissionOn(order("500.00", null, null, "CNY"))).isEqualTo(Money.of("10.00", "CNY"));
        // 1000 x 2% + 200 x 5% = 30.00
        assertThat(rule.commissionOn(order("1200.00", null, null, "CNY"))).isEqualTo(Money.of("30.00", "CNY"));
        // 20 + 1000 x 5% = 70.00, capped at 60.00
        assertThat(rule.commissionOn(order("2000.00", null, null, "CNY"))).isEqualTo(Money.of("60.00", "CNY"));
        assertThat(rule.commissionOn(order("2000.00", null, null, "EUR"))).isNull();
    }

    @Test
    void a_currency_without_minor_units_rounds_to_whole_units() {
        assertThat(CommissionRule.percent(250).commissionOn(order("1500", null, null, "JPY")))
                .isEqualTo(Money.of("38", "JPY")); // 37.5 -> 38
    }

    @Test
    void badly_shaped_tiers_are_refused() {
        assertThatThrownBy(() -> new CommissionRule("CNY", List.of(new CommissionRule.Tier(100, 200)), null))
                .hasMessage("commission tiers must start with a tier from 0");
        assertThatThrownBy(() -> new CommissionRule("CNY", List.of(new CommissionRule.Tier(0, 200),
                new CommissionRule.Tier(0, 300)), null)).hasMessageContaining("commission tiers must ascend");
        assertThatThrownBy(() -> new CommissionRule(null, List.of(new CommissionRule.Tier(0, 200)), 100L))
                .hasMessage("a commission with tiers or a cap needs the currency they are in");
        assertThatThrownBy(() -> new CommissionRule.Tier(0, 10_001))
                .hasMessageContaining("0..10000 basis points");
    }
}
