package org.omnichannel.bench;

import org.junit.jupiter.api.Test;
import org.omnichannel.bench.ingress.IngressOptions;
import org.omnichannel.bench.ingress.IngressReport;
import org.omnichannel.bench.ingress.ServerKind;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngressBenchTest {

    @Test
    void a_tiny_run_answers_every_request_202_stores_every_202_on_kafka_and_prints_the_table() throws Exception {
        IngressOptions tiny = new IngressOptions(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(700), 4, 50,
                List.of(ServerKind.values()), 1000);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        IngressReport report = IngressBench.run(tiny, ConnectorSample.fixtures(),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.results()).extracting(r -> r.kind()).containsExactly(ServerKind.values());
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.errors()).as("errors of %s: %s", r.kind(), r.firstError()).isZero();
            assertThat(r.accepted()).as("requests %s answered 202", r.kind()).isPositive();
            assertThat(r.storedEveryAccepted()).as("%s stored %s for %d answers", r.kind(), r.stored(), r.accepted())
                    .isTrue();
        });
        assertThat(report.of(ServerKind.HUB).orElseThrow().stored().records()).containsOnlyKeys("omni.raw", "omni.inbound");
        assertThat(report.clean()).isTrue();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8))
                .contains("max req/s", "p99 ms", "(a) raw Vert.x", "(b) naive Camel route", "(c) hub ingress",
                        "(c)/(a) req/s", "(c)/(b) req/s", "every request was answered 202");
    }

    @Test
    void the_signed_order_is_about_two_kilobytes_of_shopify_json() {
        var order = org.omnichannel.bench.ingress.OrderWebhook.signed(ConnectorSample.fixtures(), IngressBench.SECRET);

        assertThat(order.body().length).isBetween(1800, 2600);
        assertThat(new String(order.body(), StandardCharsets.UTF_8)).startsWith("{\"id\":450789469");
        assertThat(order.headers()).containsEntry("X-Shopify-Topic", "orders/create").containsKey("X-Shopify-Hmac-Sha256");
    }

    @Test
    void refuses_an_unknown_option_or_a_bad_value_naming_it() {
        assertThatThrownBy(() -> IngressOptions.parse("--threads", "4")).hasMessageContaining("unknown option '--threads'");
        assertThatThrownBy(() -> IngressOptions.parse("--rate", "fast")).hasMessageContaining("--rate 'fast'");
        assertThatThrownBy(() -> IngressOptions.parse("--servers", "a,x")).hasMessageContaining("'x' is not a server");
        assertThatThrownBy(() -> IngressOptions.parse("--broker-flush-ms", "-1")).hasMessageContaining("--broker-flush-ms");
        assertThat(IngressOptions.parse("--duration", "2", "--connections", "8").connections()).isEqualTo(8);
        assertThat(IngressOptions.parse("--broker-flush-ms", "0").flushIntervalMs()).isZero();
        assertThatThrownBy(() -> IngressOptions.parse("--warmup", "30", "--warmup-max", "20"))
                .hasMessageContaining("--warmup-max must be at least --warmup");
        assertThat(IngressOptions.parse("--warmup", "200").warmupMax()).isEqualTo(Duration.ofSeconds(200));
    }
}
