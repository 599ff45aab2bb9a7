package org.omnichannel.ofbiz.incentive;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutRankingTest {

    private static PayoutRanking.Credit c(String who, String amount) {
        return new PayoutRanking.Credit(who, new BigDecimal(amount));
    }

    @Test
    void totals_each_employee_with_reversals_and_ranks_the_highest_first() {
        List<PayoutRanking.Payout> payouts = PayoutRanking.rank(List.of(c("LI", "5.00"), c("ZHANG", "10.00"), c("LI", "38.97"),
                c("ZHANG", "-10.00"), c("WU", "12")));
        assertThat(payouts).extracting(PayoutRanking.Payout::employeePartyId).containsExactly("LI", "WU", "ZHANG");
        assertThat(payouts.get(0).amount()).isEqualByComparingTo("43.97");
        assertThat(payouts.get(0).entryCount()).isEqualTo(2);
        assertThat(payouts.get(2).amount()).isEqualByComparingTo("0");
        assertThat(payouts).extracting(PayoutRanking.Payout::rank).containsExactly(1L, 2L, 3L);
    }

    @Test
    void equal_totals_share_a_rank_and_the_next_rank_skips() {
        List<PayoutRanking.Payout> payouts = PayoutRanking.rank(List.of(c("B", "10"), c("A", "10.0"), c("C", "20"), c("D", "1")));
        assertThat(payouts).extracting(PayoutRanking.Payout::employeePartyId).containsExactly("C", "A", "B", "D");
        assertThat(payouts).extracting(PayoutRanking.Payout::rank).containsExactly(1L, 2L, 2L, 4L);
    }

    @Test
    void an_empty_ledger_has_an_empty_statement() {
        assertThat(PayoutRanking.rank(List.of())).isEmpty();
    }
}
