package org.omnichannel.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchMainTest {

    @Test
    void an_unknown_bench_name_is_refused_naming_the_class_it_looked_for() {
        assertThatThrownBy(() -> BenchMain.benchClass("nosuch"))
                .hasMessage("no benchmark 'nosuch': there is no class org.omnichannel.bench.NosuchBench");
    }

    @Test
    void a_bench_name_cannot_reach_outside_the_bench_package() {
        assertThatThrownBy(() -> BenchMain.benchClass("../Evil"))
                .hasMessageContaining("must be letters and digits");
    }
}
