package org.omnichannel.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class IncentiveBenchTest {

    @Test
    void the_incentive_bench_credits_a_small_month_closes_it_and_prints_its_figures() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            IncentiveBench.main(new String[]{"5000", "100"});
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("5,000 events, 100 employees")
                .containsPattern("crediting: [1-9][0-9,]* entries booked")
                .containsPattern("period close: [1-9][0-9,]* payouts for [1-9][0-9]* employees")
                .containsPattern("statement of e-[0-9]+: [1-9][0-9]* entries");
    }
}
