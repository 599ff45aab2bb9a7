package org.omnichannel.hub;

import org.apache.camel.CamelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** Tells the operator, once the hub is up, what it talks to, what is configured and how to try it. */
final class HubStartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(HubStartupReport.class);

    private HubStartupReport() {
    }

    static void print(CamelContext context, HubAssembly hub) {
        HubSettings settings = hub.settings();
        LOG.info("Omnichannel hub started (Camel {}); connectors on the classpath: {}",
                context.getVersion(), String.join(", ", Connectors.load().systems()));
        LOG.info("Kafka: {}", settings.embeddedKafka()
                ? "embedded broker at " + hub.bootstrapServers() + ", data in " + settings.kafkaDataDir().toAbsolutePath()
                : "cluster at " + hub.bootstrapServers());
        String base = settings.publicBaseUrl().isBlank() ? "http://localhost:" + settings.httpPort() : settings.publicBaseUrl();
        if (hub.channels().isEmpty()) {
            LOG.warn("no channels configured: {} does not exist or enables no channel. Copy "
                    + "config/channels.example.yaml to it (or set OMNI_CHANNELS_FILE) to receive webhooks.",
                    settings.channelsFile());
            return;
        }
        for (ChannelRegistry.Channel channel : hub.channels().channels()) {
            LOG.info("channel '{}' ({}, {}): POST {}/webhooks/{}", channel.id(), channel.context().system(),
                    channel.context().kind(), base, channel.id());
        }
        if (hub.demo()) {
            String secret = hub.channels().require(DemoChannel.ID).context().secrets().require("webhookSecret");
            LOG.info("no channels file at {}: serving the demo channel '{}' (its secret is in {}). Try it within 5 minutes:\n\n{}\n",
                    settings.channelsFile(), DemoChannel.ID, DemoChannel.secretFile(settings.dataDir()).toAbsolutePath(),
                    DemoChannel.curlLine(base, secret, Instant.now()));
        }
    }
}
