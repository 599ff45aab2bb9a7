package org.omnichannel.hub.routes;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks a route file passes before the hub starts anything, without a hub. */
class RouteFileCheckTest {

    @TempDir
    Path dir;

    @Test
    void the_example_route_of_the_operator_guide_is_a_valid_route() throws Exception {
        Path file = dir.resolve("heartbeat.yaml");
        Files.writeString(file, """
                - route:
                    id: heartbeat
                    from:
                      uri: timer:heartbeat
                      parameters:
                        period: 60000
                      steps:
                        - setBody:
                            simple: "hub alive at ${date:now:yyyy-MM-dd HH:mm:ss}"
                        - log:
                            message: "${body}"
                        - to:
                            uri: kafka:ops.heartbeat
                """);

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(UserRoutes.checkSyntax(file)).isEmpty();
            assertThat(UserRoutes.checkRoutes(context, file)).isEmpty();
            assertThat(context.getRoutes()).as("checked, not added").isEmpty();
        }
    }

    @Test
    void a_tab_in_the_indentation_is_named_with_its_line() throws Exception {
        Path file = dir.resolve("tabs.yaml");
        Files.writeString(file, "- route:\n    id: tabs\n    from:\n\turi: timer:tick\n");

        assertThat(UserRoutes.checkSyntax(file)).hasValueSatisfying(message ->
                assertThat(message).startsWith(file + ": line 4: not valid YAML"));
    }

    @Test
    void a_route_without_from_is_refused_by_camels_yaml_dsl_naming_the_file() throws Exception {
        Path file = dir.resolve("no-from.yaml");
        Files.writeString(file, "- route:\n    id: no-from\n    steps:\n      - log: hi\n");

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(UserRoutes.checkRoutes(context, file)).hasValueSatisfying(message ->
                    assertThat(message).startsWith(file + ": ").contains("no-from.yaml"));
        }
    }
}
