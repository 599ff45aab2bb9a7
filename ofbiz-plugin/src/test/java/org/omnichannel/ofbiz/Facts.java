package org.omnichannel.ofbiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The facts of the real OFBiz trunk (../shared/ofbiz/*.json) and the plugin's own XML, loaded once
 * for the cross-check tests.
 */
final class Facts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> JSON = new HashMap<>();

    private Facts() {
    }

    static synchronized JsonNode json(String name) {
        return JSON.computeIfAbsent(name, n -> {
            try {
                return MAPPER.readTree(OfbizFacts.facts().resolve(n).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** OFBiz's entities and view-entities by name. */
    static Map<String, JsonNode> ofbizEntities() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        json("entities.json").get("entities").forEach(e -> all.put(e.get("name").asText(), e));
        json("entities.json").get("view-entities").forEach(e -> all.put(e.get("name").asText(), e));
        return all;
    }

    static Map<String, JsonNode> ofbizServices() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        json("services.json").get("services").forEach(s -> all.put(s.get("name").asText(), s));
        return all;
    }

    static JsonNode locations() {
        return json("locations.json");
    }

    static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    static Path component(String relative) {
        return OfbizFacts.component().resolve(relative);
    }

    static List<Path> componentFiles(String folder, String suffix) {
        try (Stream<Path> walk = Files.walk(component(folder))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Elements with this local name anywhere under the root, in document order. */
    static List<Element> elements(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** Direct children with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String attr(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }
}
