package org.omnichannel.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryBenchTest {

    @Test
    void the_inventory_bench_runs_at_a_tiny_size_and_accounts_for_every_order() {
        InventoryBench.Result result = InventoryBench.run(new InventoryBench.Config(20, 8, 40, 200, 500, 7));

        assertThat(result.listings()).isEqualTo(8);
        assertThat(result.publish().count()).isEqualTo(500);
        // the changed warehouse feeds every channel; alternating sale and receipt moves some of them each time
        assertThat(result.updatesPerChange()).isPositive();
        assertThat(result.routing().count()).isEqualTo(200);
        assertThat(result.reserved() + result.refused()).isEqualTo(200);
        assertThat(result.reserved()).isPositive();
        assertThat(result.pickedUpInStore()).isPositive();
    }
}
