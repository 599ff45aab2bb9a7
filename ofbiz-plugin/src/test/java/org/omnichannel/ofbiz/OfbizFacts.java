package org.omnichannel.ofbiz;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the plugin's component and the facts of a real OFBiz trunk (../shared/ofbiz) are. */
final class OfbizFacts {

    private OfbizFacts() {
    }

    static Path component() {
        return existing("omni.component", "ofbiz-plugin/omnichannel");
    }

    static Path facts() {
        return existing("omni.ofbiz.facts", "../shared/ofbiz");
    }

    static Path xsdCatalog() {
        return facts().resolve("xsd/catalog.xml");
    }

    private static Path existing(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(path + " does not exist: run the build from the repository root, with "
                    + "shared/ beside it (system property " + property + ")");
        }
        return path;
    }
}
