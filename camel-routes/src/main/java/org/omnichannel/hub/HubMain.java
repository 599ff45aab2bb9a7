package org.omnichannel.hub;

import org.apache.camel.main.Main;

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
        Main main = create();
        main.run(args);
        System.exit(main.getExitCode());
    }

    /** A configured hub, not yet started. */
    public static Main create() {
        Main main = new Main(HubMain.class);
        main.addMainListener(new HubStartupReport());
        return main;
    }
}
