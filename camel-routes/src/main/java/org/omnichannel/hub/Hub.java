package org.omnichannel.hub;

import org.apache.camel.main.Main;
import org.omnichannel.hub.ops.HubMetrics;

/** A hub: its Camel Main and what the assembly built, for the launcher and for tests. */
public final class Hub {

    private final Main main;
    private final HubAssembly assembly;

    private Hub(Main main, HubAssembly assembly) {
        this.main = main;
        this.assembly = assembly;
    }

    /** A configured hub, not yet started. */
    public static Hub create() {
        // No package scan: routes are added by the assembly, with what they need passed in.
        Main main = new Main();
        HubAssembly assembly = new HubAssembly();
        main.addMainListener(assembly);
        return new Hub(main, assembly);
    }

    /**
     * Runs the hub until it is stopped, then releases what the assembly started. Camel Main does not
     * call its listeners' afterStop when start-up fails half-way (a route that cannot be built), so
     * without this the embedded broker would outlive a failed start.
     */
    public void run(String[] args) throws Exception {
        try {
            main.run(args);
        } finally {
            assembly.release();
        }
    }

    public Main main() {
        return main;
    }

    /** Kafka's bootstrap servers the hub uses (the embedded broker's when none was configured). */
    public String bootstrapServers() {
        return assembly.bootstrapServers();
    }

    public HubMetrics metrics() {
        return assembly.metrics();
    }

    public HubSettings settings() {
        return assembly.settings();
    }
}
