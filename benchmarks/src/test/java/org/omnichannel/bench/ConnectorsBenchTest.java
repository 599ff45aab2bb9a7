package org.omnichannel.bench;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.Connectors;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorsBenchTest {

    @Test
    void every_sample_loads_and_maps_to_at_least_one_event_with_its_connector() {
        for (String name : ConnectorSample.names()) {
            ConnectorSample sample = ConnectorSample.load(name);
            assertThat(Connectors.load().require(sample.system()).map(sample.request(), sample.channel()).events())
                    .as("events of sample %s", name).isNotEmpty();
        }
    }

    @Test
    void a_quick_run_reports_a_figure_for_every_sample_of_a_connector_on_the_classpath() throws Exception {
        List<ConnectorsBench.Figure> figures = ConnectorsBench.run(true);

        assertThat(figures).extracting(ConnectorsBench.Figure::sample)
                .containsExactlyInAnyOrderElementsOf(ConnectorSample.names());
        assertThat(figures).allSatisfy(f -> {
            assertThat(f.eventsPerRequest()).isPositive();
            assertThat(f.requestsPerSecond()).isPositive();
        });
    }
}
