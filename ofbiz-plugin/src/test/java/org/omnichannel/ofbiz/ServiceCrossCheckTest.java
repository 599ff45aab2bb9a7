package org.omnichannel.ofbiz;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's services against OFBiz's: each Java service is a public static method with OFBiz's
 * Java service signature, each entity-auto service names a plugin entity, each interface,
 * permission service and ECA trigger exists, and every OFBiz service the plugin's Java calls
 * exists with the parameters it passes (../shared/ofbiz/services.json).
 */
class ServiceCrossCheckTest {

    private static final Set<String> ENTITY_AUTO_VERBS = Set.of("create", "update", "delete", "expire");
    private final ServiceDefinitions services = ServiceDefinitions.load();

    @Test
    void every_plugin_service_is_verb_first_described_and_points_at_something_real() throws Exception {
        List<String> problems = new ArrayList<>();
        for (ServiceDefinitions.Service s : services.pluginServices().values()) {
            if (!Character.isLowerCase(s.name().charAt(0))) {
                problems.add(s.name() + ": service names start with a verb");
            }
            if (Facts.children(s.xml(), "description").isEmpty()) {
                problems.add(s.name() + ": no description");
            }
            switch (s.engine()) {
                case "java" -> {
                    Method m = javaService(s, problems);
                    if (m != null && (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())
                            || !m.getReturnType().equals(Map.class))) {
                        problems.add(s.name() + ": " + m + " must be public static Map<String, Object>");
                    }
                }
                case "entity-auto" -> {
                    if (new PluginEntities().get(s.defaultEntity()) == null || !new PluginEntities().get(s.defaultEntity()).plugin()) {
                        problems.add(s.name() + ": default-entity-name " + s.defaultEntity() + " is not a plugin entity");
                    }
                    if (!ENTITY_AUTO_VERBS.contains(s.invoke())) {
                        problems.add(s.name() + ": entity-auto invoke " + s.invoke());
                    }
                }
                case "groovy" -> {
                    if (!locationExists(s.location())) {
                        problems.add(s.name() + ": " + s.location() + " does not exist in OFBiz");
                    }
                }
                case "interface" -> {
                }
                default -> problems.add(s.name() + ": engine " + s.engine() + " is not used by this plugin (no minilang)");
            }
            for (Element i : Facts.children(s.xml(), "implements")) {
                if (services.get(i.getAttribute("service")) == null) {
                    problems.add(s.name() + ": implements unknown " + i.getAttribute("service"));
                }
            }
            for (Element p : Facts.elements(s.xml().getOwnerDocument(), "permission-service")) {
                if (services.get(p.getAttribute("service-name")) == null) {
                    problems.add(s.name() + ": permission-service " + p.getAttribute("service-name") + " does not exist");
                }
            }
            for (Element o : Facts.children(s.xml(), "override")) {
                Set<String> all = new LinkedHashSet<>(services.inParameters(s.name()));
                all.addAll(services.outParameters(s.name()));
                if (!all.contains(o.getAttribute("name"))) {
                    problems.add(s.name() + ": override of unknown parameter " + o.getAttribute("name"));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_service_a_user_can_call_checks_a_permission() {
        Set<String> ecaTargets = ecaTargets();
        List<String> unchecked = new ArrayList<>();
        for (ServiceDefinitions.Service s : services.pluginServices().values()) {
            boolean checked = !Facts.children(s.xml(), "permission-service").isEmpty()
                    || !Facts.children(s.xml(), "required-permissions").isEmpty()
                    || "omniPermissionService".equals(s.name());
            if (!checked && !ecaTargets.contains(s.name())) {
                unchecked.add(s.name());
            }
            if (ecaTargets.contains(s.name()) && "true".equals(s.xml().getAttribute("auth"))) {
                unchecked.add(s.name() + " (an ECA action runs without a user: auth must be false)");
            }
        }
        assertThat(unchecked).isEmpty();
    }

    @Test
    void service_ecas_listen_to_real_ofbiz_services_on_their_own_parameters() {
        Document secas = Facts.xml(Facts.component("servicedef/secas.xml"));
        for (Element eca : Facts.elements(secas, "eca")) {
            String trigger = eca.getAttribute("service");
            assertThat(services.get(trigger)).as(trigger + " in services.json").isNotNull();
            Set<String> params = new LinkedHashSet<>(services.inParameters(trigger));
            params.addAll(services.outParameters(trigger));
            for (Element condition : Facts.children(eca, "condition")) {
                assertThat(condition.getAttribute("field-name")).as("condition of " + trigger).isIn(params);
            }
            for (Element action : Facts.children(eca, "action")) {
                ServiceDefinitions.Service target = services.get(action.getAttribute("service"));
                assertThat(target).as(action.getAttribute("service")).isNotNull();
                for (String required : requiredIn(target)) {
                    assertThat(required).as("what " + trigger + " hands " + target.name()).isIn(params);
                }
            }
        }
    }

    @Test
    void every_ofbiz_service_the_java_calls_exists_and_takes_the_parameters_passed() throws IOException {
        Map<String, Set<String>> calls = serviceCallsInJava();
        assertThat(calls).as("runSync calls found in the plugin's Java").isNotEmpty();
        List<String> problems = new ArrayList<>();
        calls.forEach((service, params) -> {
            if (services.get(service) == null) {
                problems.add(service + " does not exist in OFBiz or the plugin");
                return;
            }
            Set<String> in = services.inParameters(service);
            for (String p : params) {
                if (!in.contains(p) && !p.equals("userLogin") && !p.equals("locale") && !p.equals("timeZone")) {
                    problems.add(service + " takes no parameter " + p + " (it takes " + in + ")");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void the_call_scanner_sees_parameters_put_into_a_context() {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        scan("""
                Map<String, Object> in = new HashMap<>();
                in.put("productId", productId);
                in.put("facilityId", facilityId);
                Map<String, Object> result = dispatcher.runSync("getInventoryAvailableByFacility", in);
                """, calls);
        assertThat(calls).containsEntry("getInventoryAvailableByFacility", Set.of("productId", "facilityId"));
        assertThat(services.inParameters("getInventoryAvailableByFacility")).contains("productId", "facilityId")
                .doesNotContain("quantity");
    }

    private Set<String> ecaTargets() {
        Set<String> targets = new LinkedHashSet<>();
        for (String file : List.of("servicedef/secas.xml", "entitydef/eecas.xml")) {
            Facts.elements(Facts.xml(Facts.component(file)), "action").forEach(a -> targets.add(a.getAttribute("service")));
        }
        return targets;
    }

    private static List<String> requiredIn(ServiceDefinitions.Service s) {
        List<String> required = new ArrayList<>();
        for (Element a : Facts.children(s.xml(), "attribute")) {
            if (!"OUT".equals(a.getAttribute("mode")) && "false".equals(a.getAttribute("optional"))) {
                required.add(a.getAttribute("name"));
            }
        }
        return required;
    }

    private static Method javaService(ServiceDefinitions.Service s, List<String> problems) {
        try {
            Class<?> type = Class.forName(s.location(), false, ServiceCrossCheckTest.class.getClassLoader());
            return type.getMethod(s.invoke(), Class.forName("org.apache.ofbiz.service.DispatchContext", false,
                    ServiceCrossCheckTest.class.getClassLoader()), Map.class);
        } catch (ClassNotFoundException | NoSuchMethodException | NoClassDefFoundError e) {
            problems.add(s.name() + ": " + s.location() + "#" + s.invoke() + "(DispatchContext, Map) not found: " + e);
            return null;
        }
    }

    static boolean locationExists(String location) {
        String path = location.replace("component://", "").replaceAll("/+", "/");
        for (com.fasterxml.jackson.databind.JsonNode f : Facts.locations().get("files")) {
            String known = f.isTextual() ? f.asText() : f.path("location").asText();
            if (known.replace("component://", "").replaceAll("/+", "/").equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> serviceCallsInJava() throws IOException {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        List<Path> sources;
        try (var walk = Files.walk(Facts.component("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/test/")).toList();
        }
        for (Path source : sources) {
            scan(Files.readString(source), calls);
        }
        return calls;
    }

    private static final Pattern NEW_CONTEXT = Pattern.compile("Map<String, Object> (\\w+) = new HashMap<>\\(\\);");
    private static final Pattern RUN_SYNC = Pattern.compile("runSync\\(\"(\\w+)\", (\\w+)");

    /** Finds {@code runSync("service", ctx)} and the keys put into {@code ctx} since it was created. */
    static void scan(String source, Map<String, Set<String>> calls) {
        Matcher run = RUN_SYNC.matcher(source);
        while (run.find()) {
            String context = run.group(2);
            int start = -1;
            Matcher created = NEW_CONTEXT.matcher(source);
            while (created.find() && created.start() < run.start()) {
                if (created.group(1).equals(context)) {
                    start = created.end();
                }
            }
            Set<String> keys = calls.computeIfAbsent(run.group(1), k -> new LinkedHashSet<>());
            if (start < 0) {
                continue;
            }
            Matcher put = Pattern.compile(Pattern.quote(context) + "\\.put\\(\"([\\w.]+)\"").matcher(source.substring(start, run.start()));
            while (put.find()) {
                keys.add(put.group(1));
            }
        }
    }
}
