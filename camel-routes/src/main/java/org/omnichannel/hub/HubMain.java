package org.omnichannel.hub;

import org.omnichannel.hub.channel.ChannelsFileException;
import org.omnichannel.hub.routes.UserRoutesException;

/**
 * Starts the connector hub: a plain Camel Main application. Configuration comes from
 * {@code application.properties} on the classpath, overridden by an {@code application.properties}
 * in the working directory's {@code config/} folder, environment variables and arguments, as Camel
 * Main reads them.
 */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) throws Exception {
        Hub hub = Hub.create();
        try {
            hub.run(args);
        } catch (ChannelsFileException | UserRoutesException e) {
            System.err.println("omni hub: " + e.getMessage());
            System.exit(2);
        }
        System.exit(hub.main().getExitCode());
    }
}
