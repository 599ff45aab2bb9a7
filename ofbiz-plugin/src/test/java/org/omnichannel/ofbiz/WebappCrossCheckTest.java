package org.omnichannel.ofbiz;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component descriptor, controller, screens, forms and menus refer only to things that exist:
 * in the plugin, or in stock OFBiz (../shared/ofbiz/locations.json).
 */
class WebappCrossCheckTest {

    private static final String SELF = "component://omnichannel/";
    private static final String CONTROLLER = "webapp/omnichannel/WEB-INF/controller.xml";
    private static final String COMMON_CONTROLLER = "component://common/webcommon/WEB-INF/common-controller.xml";

    private final ServiceDefinitions services = ServiceDefinitions.load();
    private final PluginEntities entities = new PluginEntities();

    @Test
    void the_component_descriptor_names_files_that_exist() {
        Document component = Facts.xml(Facts.component("ofbiz-component.xml"));
        assertThat(component.getDocumentElement().getAttribute("name")).isEqualTo("omnichannel");
        List<String> missing = new ArrayList<>();
        for (String tag : List.of("entity-resource", "service-resource", "test-suite", "webapp")) {
            for (Element e : Facts.elements(component, tag)) {
                if (!Files.exists(Facts.component(e.getAttribute("location")))) {
                    missing.add(tag + " " + e.getAttribute("location"));
                }
            }
        }
        assertThat(missing).isEmpty();
        Element webapp = Facts.elements(component, "webapp").get(0);
        assertThat(webapp.getAttribute("mount-point")).isEqualTo("/omnichannel");
        assertThat(webapp.getAttribute("base-permission")).isEqualTo("OFBTOOLS,OMNI");
        Set<String> stockMounts = new LinkedHashSet<>();
        Facts.locations().get("components").forEach(c -> c.path("webapps").forEach(w -> stockMounts.add(w.path("mount-point").asText())));
        assertThat(stockMounts).as("no shadowing of stock webapps").doesNotContain("/omnichannel");
    }

    /**
     * OFBiz's JavaEventHandler runs the event in a transaction of the event's transaction-timeout
     * (default 60 s); each event of the batch has its own, but the outer one spans the whole batch.
     * In a real trunk a batch that ran longer made OFBiz log "could not commit transaction ... Transaction
     * has timed out" at error level after answering.
     */
    @Test
    void the_ingest_event_transaction_outlasts_a_full_batch() {
        Document controller = Facts.xml(Facts.component(CONTROLLER));
        Element ingest = Facts.elements(controller, "request-map").stream()
                .filter(m -> m.getAttribute("uri").equals("ingestEvents")).findFirst().orElseThrow();
        Element event = Facts.children(ingest, "event").get(0);
        assertThat(event.getAttribute("transaction-timeout")).as("transaction-timeout of ingestEvents").isNotEmpty();
        assertThat(Integer.parseInt(event.getAttribute("transaction-timeout")))
                .isGreaterThanOrEqualTo(org.omnichannel.ofbiz.api.ApiRequests.MAX_EVENTS * 10);
    }

    @Test
    void every_request_map_leads_to_an_existing_event_service_view_or_request() throws Exception {
        Document controller = Facts.xml(Facts.component(CONTROLLER));
        Set<String> requests = requestNames(controller);
        Set<String> views = new LinkedHashSet<>();
        Facts.elements(controller, "view-map").forEach(v -> views.add(v.getAttribute("name")));
        List<String> problems = new ArrayList<>();
        for (Element map : Facts.elements(controller, "request-map")) {
            String uri = map.getAttribute("uri");
            for (Element event : Facts.children(map, "event")) {
                switch (event.getAttribute("type")) {
                    case "java" -> {
                        Class<?> type = Class.forName(event.getAttribute("path"));
                        var method = type.getMethod(event.getAttribute("invoke"), jakarta.servlet.http.HttpServletRequest.class,
                                jakarta.servlet.http.HttpServletResponse.class);
                        if (!java.lang.reflect.Modifier.isStatic(method.getModifiers()) || method.getReturnType() != String.class) {
                            problems.add(uri + ": " + method + " must be a static String event");
                        }
                    }
                    case "service" -> {
                        if (services.get(event.getAttribute("invoke")) == null) {
                            problems.add(uri + ": service " + event.getAttribute("invoke") + " does not exist");
                        }
                    }
                    default -> problems.add(uri + ": event type " + event.getAttribute("type") + " is not used here");
                }
            }
            for (Element response : Facts.children(map, "response")) {
                String value = response.getAttribute("value");
                switch (response.getAttribute("type")) {
                    case "view" -> {
                        if (!views.contains(value)) {
                            problems.add(uri + ": view " + value + " is not mapped");
                        }
                    }
                    case "request", "request-redirect" -> {
                        if (!requests.contains(value)) {
                            problems.add(uri + ": request " + value + " does not exist");
                        }
                    }
                    case "none" -> {
                    }
                    default -> problems.add(uri + ": response type " + response.getAttribute("type"));
                }
            }
        }
        for (Element view : Facts.elements(controller, "view-map")) {
            String[] page = view.getAttribute("page").split("#");
            if (!screenExists(page[0], page[1])) {
                problems.add("view " + view.getAttribute("name") + ": no screen " + view.getAttribute("page"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void screens_forms_and_menus_include_only_what_exists() {
        List<String> problems = new ArrayList<>();
        for (Path file : Facts.componentFiles("widget", ".xml")) {
            Document doc = Facts.xml(file);
            String self = SELF + "widget/" + file.getFileName();
            for (String tag : List.of("decorator-screen", "include-screen")) {
                for (Element e : Facts.elements(doc, tag)) {
                    if (!screenExists(location(e, self), e.getAttribute("name"))) {
                        problems.add(file.getFileName() + ": " + tag + " " + e.getAttribute("name") + " @ " + location(e, self));
                    }
                }
            }
            for (String tag : List.of("include-form", "include-grid")) {
                for (Element e : Facts.elements(doc, tag)) {
                    if (!formExists(location(e, self), e.getAttribute("name"), tag.substring("include-".length()))) {
                        problems.add(file.getFileName() + ": " + tag + " " + e.getAttribute("name") + " @ " + location(e, self));
                    }
                }
            }
            for (Element e : Facts.elements(doc, "include-menu")) {
                if (!menuExists(location(e, self), e.getAttribute("name"))) {
                    problems.add(file.getFileName() + ": include-menu " + e.getAttribute("name"));
                }
            }
            for (Element e : Facts.elements(doc, "menu")) {
                if (e.hasAttribute("extends-resource") && !menuExists(e.getAttribute("extends-resource"), e.getAttribute("extends"))) {
                    problems.add(file.getFileName() + ": menu extends " + e.getAttribute("extends"));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void widgets_link_to_requests_services_and_entities_that_exist() {
        Set<String> requests = requestNames(Facts.xml(Facts.component(CONTROLLER)));
        List<String> problems = new ArrayList<>();
        for (Path file : Facts.componentFiles("widget", ".xml")) {
            Document doc = Facts.xml(file);
            String name = file.getFileName().toString();
            for (String tag : List.of("form", "grid", "hyperlink", "link", "alt-target")) {
                for (Element e : Facts.elements(doc, tag)) {
                    String target = Facts.attr(e, "target");
                    boolean interApp = "inter-app".equals(e.getAttribute("url-mode")) || "inter-app".equals(e.getAttribute("target-type"));
                    if (target != null && !target.isEmpty() && !interApp && !target.contains("${") && !requests.contains(target)) {
                        problems.add(name + ": " + tag + " targets unknown request " + target);
                    }
                }
            }
            for (String tag : List.of("service", "auto-fields-service")) {
                for (Element e : Facts.elements(doc, tag)) {
                    if (services.get(e.getAttribute("service-name")) == null) {
                        problems.add(name + ": service " + e.getAttribute("service-name") + " does not exist");
                    }
                }
            }
            for (String tag : List.of("entity-one", "entity-and", "entity-condition", "entity-options", "display-entity")) {
                for (Element e : Facts.elements(doc, tag)) {
                    if (entities.get(e.getAttribute("entity-name")) == null) {
                        problems.add(name + ": " + tag + " names unknown entity " + e.getAttribute("entity-name"));
                    }
                }
            }
            for (Element e : Facts.elements(doc, "service")) {
                if (services.get(e.getAttribute("service-name")) != null) {
                    Set<String> in = services.inParameters(e.getAttribute("service-name"));
                    Facts.children(e, "field-map").stream().map(f -> f.getAttribute("field-name")).filter(f -> !in.contains(f))
                            .forEach(f -> problems.add(name + ": " + e.getAttribute("service-name") + " takes no parameter " + f));
                }
                if ("performFind".equals(e.getAttribute("service-name"))) {
                    Facts.children(e, "field-map").stream().filter(f -> "entityName".equals(f.getAttribute("field-name")))
                            .filter(f -> entities.get(f.getAttribute("value")) == null)
                            .forEach(f -> problems.add(name + ": performFind on unknown entity " + f.getAttribute("value")));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_main_decorator_of_web_xml_is_the_plugins_common_screens() {
        Document web = Facts.xml(Facts.component("webapp/omnichannel/WEB-INF/web.xml"));
        String decorator = null;
        for (Element param : Facts.elements(web, "context-param")) {
            if ("mainDecoratorLocation".equals(Facts.children(param, "param-name").get(0).getTextContent().trim())) {
                decorator = Facts.children(param, "param-value").get(0).getTextContent().trim();
            }
        }
        assertThat(decorator).isEqualTo(SELF + "widget/CommonScreens.xml");
        assertThat(screenExists(decorator, "main-decorator")).isTrue();
        for (Element filter : Facts.elements(web, "filter-class")) {
            String type = filter.getTextContent().trim();
            if (type.startsWith("org.omnichannel.")) {
                assertThat(type).satisfies(t -> Class.forName(t));
            }
        }
    }

    @Test
    void a_missing_stock_screen_is_reported_missing() {
        assertThat(screenExists("component://common/widget/CommonScreens.xml", "GlobalDecorator")).isTrue();
        assertThat(screenExists("component://common/widget/CommonScreens.xml", "NoSuchDecorator")).isFalse();
    }

    static String location(Element e, String self) {
        String location = Facts.attr(e, "location");
        if (location == null || location.isEmpty()) {
            return self;
        }
        return "${parameters.mainDecoratorLocation}".equals(location) ? SELF + "widget/CommonScreens.xml" : location;
    }

    static boolean screenExists(String location, String name) {
        if (location.startsWith(SELF)) {
            Path file = Facts.component(location.substring(SELF.length()));
            return Files.exists(file) && Facts.elements(Facts.xml(file), "screen").stream().anyMatch(s -> name.equals(s.getAttribute("name")));
        }
        JsonNode screens = Facts.locations().get("screens").get(normalize(location));
        if (screens == null) {
            return false;
        }
        for (JsonNode s : screens) {
            if (name.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }

    static boolean formExists(String location, String name, String tag) {
        if (location.startsWith(SELF)) {
            Path file = Facts.component(location.substring(SELF.length()));
            return Files.exists(file) && Facts.elements(Facts.xml(file), tag).stream().anyMatch(f -> name.equals(f.getAttribute("name")));
        }
        JsonNode forms = Facts.locations().get("forms").get(normalize(location));
        if (forms != null) {
            for (JsonNode f : forms) {
                if (name.equals(f.path("name").asText()) && tag.equals(f.path("tag").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean menuExists(String location, String name) {
        if (location.startsWith(SELF)) {
            Path file = Facts.component(location.substring(SELF.length()));
            return Files.exists(file) && Facts.elements(Facts.xml(file), "menu").stream().anyMatch(m -> name.equals(m.getAttribute("name")));
        }
        JsonNode menus = Facts.locations().get("menus").get(normalize(location));
        if (menus != null) {
            for (JsonNode m : menus) {
                if (name.equals(m.path("name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalize(String location) {
        return location.replaceAll("(?<!:)//+", "/");
    }

    /** The plugin's request-maps and those of common-controller.xml and what it includes. */
    static Set<String> requestNames(Document controller) {
        Set<String> names = new LinkedHashSet<>();
        Facts.elements(controller, "request-map").forEach(r -> names.add(r.getAttribute("uri")));
        JsonNode controllers = Facts.locations().get("controllers");
        List<String> pending = new ArrayList<>(List.of(COMMON_CONTROLLER));
        Set<String> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String location = pending.remove(0);
            if (!seen.add(location) || controllers.get(location) == null) {
                continue;
            }
            controllers.get(location).path("request-maps").forEach(r -> names.add(r.path("uri").asText()));
            controllers.get(location).path("includes").forEach(i -> pending.add(i.isTextual() ? i.asText() : i.path("location").asText()));
        }
        return names;
    }
}
