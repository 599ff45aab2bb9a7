package org.omnichannel.ofbiz;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services as OFBiz will see them: OFBiz's (services.json) and the plugin's (servicedef/*.xml),
 * with their IN parameters expanded from auto-attributes and implemented interfaces.
 */
final class ServiceDefinitions {

    /** A service: where it is defined, its engine, location, invoke, and raw definition. */
    record Service(String name, String engine, String location, String invoke, String defaultEntity, Element xml, JsonNode json,
                   Path file) {
        boolean plugin() {
            return xml != null;
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final PluginEntities entities = new PluginEntities();

    static ServiceDefinitions load() {
        return new ServiceDefinitions();
    }

    private ServiceDefinitions() {
        Facts.ofbizServices().forEach((name, s) -> services.put(name, new Service(name, s.path("engine").asText(),
                s.path("location").asText(null), s.path("invoke").asText(null), s.path("default-entity-name").asText(null),
                null, s, null)));
        for (Path file : Facts.componentFiles("servicedef", ".xml")) {
            Document doc = Facts.xml(file);
            for (Element s : Facts.elements(doc, "service")) {
                services.put(s.getAttribute("name"), new Service(s.getAttribute("name"), s.getAttribute("engine"),
                        Facts.attr(s, "location"), Facts.attr(s, "invoke"), Facts.attr(s, "default-entity-name"), s, null, file));
            }
        }
    }

    Service get(String name) {
        return services.get(name);
    }

    Map<String, Service> pluginServices() {
        Map<String, Service> plugin = new LinkedHashMap<>();
        services.forEach((n, s) -> {
            if (s.plugin()) {
                plugin.put(n, s);
            }
        });
        return plugin;
    }

    /** Every parameter a caller may pass IN (or INOUT), with implements and auto-attributes expanded. */
    Set<String> inParameters(String name) {
        Set<String> in = new LinkedHashSet<>();
        collect(name, in, "IN", new LinkedHashSet<>());
        return in;
    }

    /** Every parameter the service may answer (OUT or INOUT). */
    Set<String> outParameters(String name) {
        Set<String> out = new LinkedHashSet<>();
        collect(name, out, "OUT", new LinkedHashSet<>());
        return out;
    }

    private void collect(String name, Set<String> params, String direction, Set<String> seen) {
        Service s = services.get(name);
        if (s == null || !seen.add(name)) {
            return;
        }
        if (s.plugin()) {
            for (Element i : Facts.children(s.xml(), "implements")) {
                collect(i.getAttribute("service"), params, direction, seen);
            }
            for (Element a : Facts.children(s.xml(), "attribute")) {
                if (matches(a.getAttribute("mode"), direction)) {
                    params.add(a.getAttribute("name"));
                }
            }
            for (Element a : Facts.children(s.xml(), "auto-attributes")) {
                if (matches(a.getAttribute("mode"), direction)) {
                    String entity = a.hasAttribute("entity-name") ? a.getAttribute("entity-name") : s.defaultEntity();
                    params.addAll(entityFields(entity, a.hasAttribute("include") ? a.getAttribute("include") : "all",
                            Facts.children(a, "exclude").stream().map(e -> e.getAttribute("field-name")).toList()));
                }
            }
        } else {
            for (JsonNode i : s.json().path("implements")) {
                collect(i.get("service").asText(), params, direction, seen);
            }
            for (JsonNode a : s.json().path("attributes")) {
                if (matches(a.path("mode").asText(), direction)) {
                    params.add(a.get("name").asText());
                }
            }
            for (JsonNode a : s.json().path("auto-attributes")) {
                if (matches(a.path("mode").asText(), direction)) {
                    String entity = a.hasNonNull("entity-name") ? a.get("entity-name").asText() : s.defaultEntity();
                    List<String> exclude = new java.util.ArrayList<>();
                    a.path("exclude").forEach(x -> exclude.add(x.asText()));
                    params.addAll(entityFields(entity, a.path("include").asText("all"), exclude));
                }
            }
        }
    }

    private static boolean matches(String mode, String direction) {
        return "INOUT".equals(mode) || direction.equals(mode);
    }

    private Set<String> entityFields(String entityName, String include, List<String> exclude) {
        Set<String> fields = new LinkedHashSet<>();
        PluginEntities.Entity entity = entities.get(entityName);
        if (entity == null) {
            throw new IllegalStateException("auto-attributes name entity " + entityName + ", which does not exist");
        }
        for (String field : entity.fields().keySet()) {
            boolean pk = entity.primaryKey().contains(field);
            if (("pk".equals(include) && pk) || ("nonpk".equals(include) && !pk) || "all".equals(include)) {
                if (!exclude.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
