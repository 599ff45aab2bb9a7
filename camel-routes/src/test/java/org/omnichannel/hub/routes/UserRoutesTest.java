package org.omnichannel.hub.routes;

import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.TopicReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Camel YAML DSL routes dropped into the routes directory, loaded by a real hub. */
class UserRoutesTest {

    @TempDir
    Path dir;

    @Test
    void loads_a_yaml_route_from_the_routes_directory_that_publishes_to_the_hubs_kafka() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("greetings.yaml"), """
                # An engineer's route: what arrives on direct:greeting goes to a topic of their own.
                - route:
                    id: user-greetings
                    from:
                      uri: direct:greeting
                      steps:
                        - setBody:
                            simple: "greeting: ${body}"
                        - log:
                            message: "user route sends ${body}"
                        - to:
                            uri: kafka:user.greetings
                """);
        HubUnderTest.writeChannels(dir, "channels:\n");
        try (HubUnderTest hub = HubUnderTest.start(dir, Map.of(UserRoutes.DIR_PROPERTY, routes.toString()))) {
            assertThat(hub.hub().main().getCamelContext().getRoute("user-greetings")).isNotNull();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", hub.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("user.greetings", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }

            try (ProducerTemplate template = hub.hub().main().getCamelContext().createProducerTemplate()) {
                template.sendBody("direct:greeting", "ni hao");
            }

            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(hub.bootstrapServers(), "user.greetings");
            assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("greeting: ni hao");
        }
    }

    @Test
    void a_route_file_that_is_not_valid_yaml_stops_the_start_naming_the_file_and_the_line() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path bad = routes.resolve("broken.yaml");
        Files.writeString(bad, """
                - route:
                    id: broken
                    from:
                      uri: timer:tick
                     steps:
                        - log: "tick"
                """);
        HubUnderTest.writeChannels(dir, "channels:\n");

        assertThatThrownBy(() -> HubUnderTest.start(dir, Map.of(UserRoutes.DIR_PROPERTY, routes.toString())))
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("line 5");
    }

    @Test
    void a_route_with_a_step_camel_does_not_know_stops_the_start_naming_the_file_and_the_line() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path bad = routes.resolve("unknown-step.yaml");
        Files.writeString(bad, """
                - route:
                    id: unknown-step
                    from:
                      uri: timer:tick
                      steps:
                        - sendTo:
                            uri: log:tick
                """);
        HubUnderTest.writeChannels(dir, "channels:\n");

        assertThatThrownBy(() -> HubUnderTest.start(dir, Map.of(UserRoutes.DIR_PROPERTY, routes.toString())))
                .satisfies(e -> {
                    String all = messages(e);
                    assertThat(all).contains("unknown-step.yaml").contains("line 6").contains("sendTo");
                });
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
