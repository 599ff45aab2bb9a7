package org.omnichannel.connector.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connectors on the classpath, by system id. */
public final class Connectors {

    private final Map<String, Connector> bySystem;

    private Connectors(Map<String, Connector> bySystem) {
        this.bySystem = Collections.unmodifiableMap(bySystem);
    }

    /** Every connector registered in META-INF/services; two with one system id is a build error. */
    public static Connectors load() {
        Map<String, Connector> found = new TreeMap<>();
        for (Connector connector : ServiceLoader.load(Connector.class, Connectors.class.getClassLoader())) {
            Connector previous = found.put(connector.system(), connector);
            if (previous != null) {
                throw new IllegalStateException("two connectors claim system '" + connector.system() + "': "
                        + previous.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
        return new Connectors(found);
    }

    public Optional<Connector> find(String system) {
        return Optional.ofNullable(bySystem.get(system));
    }

    /** The connector of a system; the message lists the systems there are. */
    public Connector require(String system) {
        return find(system).orElseThrow(() -> new IllegalArgumentException(
                "no connector for system '" + system + "'; known systems: " + String.join(", ", systems())));
    }

    public List<String> systems() {
        return List.copyOf(bySystem.keySet());
    }
}
