package org.omnichannel.hub.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubProcess;
import org.omnichannel.hub.LoopbackPorts;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub killed with SIGKILL after answering 202 loses nothing: the restarted hub delivers every event once. */
class HubCrashTest {

    private static final String SECRET = "crash-test-secret";

    @Test
    void events_acknowledged_before_a_kill_9_are_all_delivered_once_after_the_restart(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("crm.secret");
        Files.writeString(secret, SECRET);
        HubUnderTest.writeChannels(dir, """
                channels:
                  - id: crm-eu
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                """.formatted(secret));
        int httpPort = LoopbackPorts.free();
        try (OfbizStandIn ofbiz = OfbizStandIn.start(dir)) {
            Map<String, String> env = new HashMap<>();
            ofbiz.hubProperties(dir).forEach((key, value) -> {
                switch (key) {
                    case "omni.ofbiz.baseUrl" -> env.put("OMNI_OFBIZ_BASE_URL", value);
                    case "omni.ofbiz.username" -> env.put("OMNI_OFBIZ_USERNAME", value);
                    case "omni.ofbiz.password" -> env.put("OMNI_OFBIZ_PASSWORD", value);
                    case "omni.ofbiz.truststore" -> env.put("OMNI_OFBIZ_TRUSTSTORE", value);
                    case "omni.ofbiz.truststorePassword" -> env.put("OMNI_OFBIZ_TRUSTSTORE_PASSWORD", value);
                    default -> { }
                }
            });
            env.put("OMNI_CHANNELS_FILE", dir.resolve("channels.yaml").toString());
            env.put("OMNI_DATA_DIR", dir.resolve("data").toString());
            env.put("OMNI_HTTP_PORT", String.valueOf(httpPort));
            env.put("OMNI_HTTP_HOST", "127.0.0.1");
            env.put("OMNI_MANAGEMENT_PORT", String.valueOf(LoopbackPorts.free()));
            env.put("OMNI_MANAGEMENT_HOST", "127.0.0.1");
            env.put("OMNI_KAFKA_PORT", String.valueOf(LoopbackPorts.free()));
            env.remove("KAFKA_BOOTSTRAP_SERVERS");

            ofbiz.down();
            HubProcess first = HubProcess.start(dir, env);
            assertThat(first.awaitStarted(180)).as("first hub started:\n%s", first.output()).isTrue();
            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ChannelEvent event = GenericWebhooks.visit("crm-eu", "crash-" + i, "crash" + i + "@example.com");
                eventIds.add(event.eventId());
                assertThat(GenericWebhooks.post("http://127.0.0.1:" + httpPort + "/webhooks/crm-eu",
                        ChannelEventJson.toBytes(event), SECRET).statusCode()).isEqualTo(202);
            }
            assertThat(ofbiz.awaitUnavailableAnswers(1, Duration.ofSeconds(60))).isTrue();
            first.killHard();
            assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isZero());

            ofbiz.up();
            HubProcess second = HubProcess.start(dir, env);
            try {
                assertThat(second.awaitStarted(180)).as("restarted hub:\n%s", second.output()).isTrue();
                assertThat(ofbiz.awaitProcessed(eventIds, Duration.ofSeconds(90))).isTrue();
                assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
            } finally {
                assertThat(second.stop()).as("a clean stop on SIGTERM").isIn(0, 130, 143);
            }
        }
    }
}
