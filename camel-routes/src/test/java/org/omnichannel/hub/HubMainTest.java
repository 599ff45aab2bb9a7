package org.omnichannel.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HubMainTest {

    @Test
    void the_hub_starts_on_its_embedded_defaults_serves_the_demo_channel_and_stops_cleanly(@TempDir Path dir) throws Exception {
        HubUnderTest hub = HubUnderTest.start(dir, Map.of());
        try {
            assertThat(hub.hub().main().getCamelContext().getName()).isEqualTo("omnichannel-hub");
            assertThat(hub.hub().settings().embeddedKafka()).isTrue();
            Path secretFile = DemoChannel.secretFile(dir.resolve("data"));
            String secret = Files.readString(secretFile).strip();
            assertThat(secret).hasSize(64);
            // The curl line printed at start-up carries a body and signature the hub accepts.
            String curl = DemoChannel.curlLine(hub.baseUrl(), secret, java.time.Instant.now());
            String body = curl.substring(curl.indexOf("--data-raw '") + 12, curl.length() - 1);
            String timestamp = curl.replaceAll(".*X-Omni-Timestamp: (\\d+)'.*", "$1");
            var response = GenericWebhooks.post(hub.baseUrl() + "/webhooks/demo", body.getBytes(), secret,
                    Long.parseLong(timestamp), "application/json");
            assertThat(response.statusCode()).isEqualTo(202);
        } finally {
            hub.close();
        }
        assertThat(hub.isStopped()).isTrue();
        assertThat(hub.hub().main().getExitCode()).isZero();
        assertThat(dir.resolve("data/kafka/meta.properties")).exists();
    }
}
