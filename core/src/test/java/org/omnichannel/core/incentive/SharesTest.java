package org.omnichannel.core.incentive;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharesTest {

    @Test
    void one_cent_left_over_goes_to_the_largest_remainder_then_to_the_earlier_share() {
        assertThat(Shares.splitEvenly(100, 3)).containsExactly(34, 33, 33);
        assertThat(Shares.split(100, new long[]{1, 2})).containsExactly(33, 67);
        assertThat(Shares.split(-100, new long[]{1, 1, 1})).containsExactly(-34, -33, -33);
    }

    @Test
    void proportion_rounds_half_away_from_zero() {
        assertThat(Shares.proportion(5, 1, 2)).isEqualTo(3);
        assertThat(Shares.proportion(-5, 1, 2)).isEqualTo(-3);
        assertThat(Shares.proportion(Long.MAX_VALUE, 3, 3)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_split_among_nobody_or_with_negative_weights_is_refused() {
        assertThatThrownBy(() -> Shares.split(10, new long[0])).hasMessageContaining("weights are empty");
        assertThatThrownBy(() -> Shares.split(10, new long[]{1, -1})).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Shares.split(10, new long[]{0, 0})).hasMessageContaining("must not all be zero");
    }

    @Property
    void split_shares_always_sum_exactly_to_the_whole(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long total,
                                                     @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 10_000) Integer> weights) {
        long[] w = weights.stream().mapToLong(Integer::longValue).toArray();
        if (Arrays.stream(w).sum() == 0) {
            w[0] = 1;
        }
        long[] parts = Shares.split(total, w);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
        long weightSum = Arrays.stream(w).sum();
        for (int i = 0; i < parts.length; i++) {
            // |part - total x w / weightSum| < 1, in integers: |part x weightSum - total x w| < weightSum
            BigInteger error = BigInteger.valueOf(parts[i]).multiply(BigInteger.valueOf(weightSum))
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i]))).abs();
            assertThat(error).as("share %d is within one unit of its exact value", i).isLessThan(BigInteger.valueOf(weightSum));
        }
    }

    @Property
    void even_splits_differ_by_at_most_one_unit(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long total,
                                                @ForAll @IntRange(min = 1, max = 50) int n) {
        long[] parts = Shares.splitEvenly(total, n);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
        assertThat(Arrays.stream(parts).max().orElseThrow() - Arrays.stream(parts).min().orElseThrow()).isLessThanOrEqualTo(1);
    }
}
