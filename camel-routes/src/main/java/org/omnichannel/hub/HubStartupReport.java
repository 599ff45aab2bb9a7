package org.omnichannel.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.omnichannel.connector.spi.Connectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tells the operator, once the hub is up, what it can talk to and what is configured. */
final class HubStartupReport extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HubStartupReport.class);

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        LOG.info("Omnichannel hub started (Camel {}); connectors on the classpath: {}",
                context.getVersion(), String.join(", ", Connectors.load().systems()));
        String channelsFile = context.getPropertiesComponent().resolveProperty("omni.channels.file").orElse(null);
        if (channelsFile == null || channelsFile.isBlank() || !Files.isRegularFile(Path.of(channelsFile))) {
            LOG.warn("no channels configured: {} does not exist. Copy config/channels.example.yaml to it "
                    + "(or set OMNI_CHANNELS_FILE) to receive webhooks.", channelsFile);
        }
    }
}
