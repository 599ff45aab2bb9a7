package org.omnichannel.hub;

import org.omnichannel.hub.channel.ChannelsFileException;
import org.omnichannel.hub.routes.UserRoutesException;

/**
 * Starts the connector hub: a plain Camel Main application. Configuration comes from
 * {@code application.properties} on the classpath, overridden by an {@code application.properties}
 * in the working directory's {@code config/} folder and environment variables, as Camel Main reads
 * them, and by {@code --key=value} arguments ({@link HubArguments}).
 */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) throws Exception {
        HubArguments arguments;
        try {
            arguments = HubArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("omni hub: " + e.getMessage());
            System.exit(2);
            return;
        }
        Hub hub = Hub.create();
        arguments.properties().forEach(hub.main()::addOverrideProperty);
        try {
            hub.run(arguments.camelArgs().toArray(String[]::new));
        } catch (ChannelsFileException | UserRoutesException e) {
            System.err.println("omni hub: " + e.getMessage());
            System.exit(2);
        }
        System.exit(hub.main().getExitCode());
    }
}
