package org.omnichannel.bench;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.fan.insight.LifecycleStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsightsBenchTest {

    @Test
    void runs_at_a_tiny_size_scoring_every_fan_and_matching_a_full_recompute() {
        InsightsBench.Result r = InsightsBench.run(3_000, 10, 300, 2_000);

        assertThat(r.entriesScored()).isEqualTo(30_000);
        assertThat(r.stages().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
        assertThat(r.stages().get(LifecycleStage.PROSPECT)).isLessThan(3_000);
        assertThat(r.preloadEvents()).isEqualTo(3_000);
        assertThat(r.latencyNanosPercentiles()).hasSize(InsightsBench.PERCENTILES.length).isSorted();
        assertThat(r.maxIncrementalError()).isLessThan(1e-6);
    }

    @Test
    void refuses_an_unknown_option_and_a_non_number_naming_them() {
        assertThatThrownBy(() -> InsightsBench.options(new String[]{"--fanz", "3"}))
                .hasMessageStartingWith("unknown or incomplete option '--fanz'");
        assertThatThrownBy(() -> InsightsBench.options(new String[]{"--fans", "many"}))
                .hasMessage("--fans needs a positive whole number, was 'many'");
        assertThat(InsightsBench.options(new String[]{"--fans", "1_000"})).containsEntry("fans", 1_000L);
    }
}
