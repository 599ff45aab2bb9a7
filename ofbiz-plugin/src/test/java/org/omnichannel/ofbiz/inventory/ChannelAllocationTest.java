package org.omnichannel.ofbiz.inventory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelAllocationTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void a_share_is_rounded_down_so_no_channel_is_promised_a_unit_that_is_not_there() {
        assertThat(new ChannelAllocation(n("30"), n("2")).availableToSell(n("25"))).isEqualByComparingTo("5");
        assertThat(new ChannelAllocation(n("30"), BigDecimal.ZERO).availableToSell(n("9"))).isEqualByComparingTo("2");
    }

    @Test
    void the_safety_stock_never_drives_a_channel_below_zero() {
        assertThat(new ChannelAllocation(n("30"), n("5")).availableToSell(n("10"))).isEqualByComparingTo("0");
        assertThat(ChannelAllocation.WHOLE_STOCK.availableToSell(n("-3"))).isEqualByComparingTo("0");
        assertThat(ChannelAllocation.WHOLE_STOCK.availableToSell(null)).isEqualByComparingTo("0");
    }

    @Test
    void no_rule_means_the_whole_available_stock() {
        assertThat(new ChannelAllocation(null, null).availableToSell(n("17.000000"))).isEqualByComparingTo("17");
    }

    @Test
    void refuses_a_share_above_100_or_a_negative_safety_stock() {
        assertThatThrownBy(() -> new ChannelAllocation(n("150"), null)).hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> new ChannelAllocation(null, n("-1"))).hasMessageContaining("safetyStock");
    }
}
