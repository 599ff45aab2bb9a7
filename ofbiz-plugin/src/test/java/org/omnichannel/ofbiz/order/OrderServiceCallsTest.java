package org.omnichannel.ofbiz.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order adapter calls OFBiz's own services; ServiceCrossCheckTest proves each parameter it
 * passes exists. This proves the other half: every parameter OFBiz requires (IN, not optional, no
 * default) is passed, so no call fails validation inside OFBiz.
 */
class OrderServiceCallsTest {

    private static final Pattern NEW_CONTEXT = Pattern.compile("Map<String, Object> (\\w+) = new HashMap<>\\(\\);");
    private static final Pattern RUN_SYNC = Pattern.compile("runSync\\(\"(\\w+)\", (\\w+)\\)");

    @Test
    void every_required_parameter_of_each_ofbiz_service_called_is_passed() throws Exception {
        Map<String, Set<String>> calls = calls();
        assertThat(calls.keySet()).contains("storeOrder", "changeOrderStatus", "createOrderPaymentPreference", "createPayment",
                "createPartyPostalAddress");
        Map<String, JsonNode> services = new HashMap<>();
        Path facts = Path.of(System.getProperty("omni.ofbiz.facts", "../shared/ofbiz"));
        for (JsonNode s : new ObjectMapper().readTree(facts.resolve("services.json").toFile()).get("services")) {
            services.put(s.get("name").asText(), s);
        }
        List<String> problems = new ArrayList<>();
        calls.forEach((service, passed) -> {
            JsonNode definition = services.get(service);
            assertThat(definition).as(service).isNotNull();
            for (JsonNode a : definition.path("attributes")) {
                String mode = a.path("mode").asText();
                boolean required = !"true".equals(a.path("optional").asText()) && !a.has("default-value");
                if (required && ("IN".equals(mode) || "INOUT".equals(mode)) && !passed.contains(a.get("name").asText())) {
                    problems.add(service + " requires " + a.get("name").asText());
                }
            }
            for (JsonNode auto : definition.path("auto-attributes")) {
                if ("false".equals(auto.path("optional").asText()) && !"OUT".equals(auto.path("mode").asText())) {
                    problems.add(service + " has required auto-attributes " + auto + ": check them by hand");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void the_scanner_finds_the_keys_put_before_a_call() {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        scan("""
                Map<String, Object> ctx = new HashMap<>();
                ctx.put("orderId", id);
                Map<String, Object> result = dispatcher.runSync("changeOrderStatus", ctx);
                """, calls);
        assertThat(calls).containsEntry("changeOrderStatus", Set.of("orderId"));
    }

    private static Map<String, Set<String>> calls() throws Exception {
        Path sources = Path.of(System.getProperty("omni.component", "ofbiz-plugin/omnichannel"),
                "src/main/java/org/omnichannel/ofbiz/order");
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                scan(Files.readString(file), calls);
            }
        }
        return calls;
    }

    private static void scan(String source, Map<String, Set<String>> calls) {
        Matcher run = RUN_SYNC.matcher(source);
        while (run.find()) {
            int start = -1;
            Matcher created = NEW_CONTEXT.matcher(source);
            while (created.find() && created.start() < run.start()) {
                if (created.group(1).equals(run.group(2))) {
                    start = created.end();
                }
            }
            assertThat(start).as("context of " + run.group(1) + " built with new HashMap<>()").isNotNegative();
            Set<String> keys = calls.computeIfAbsent(run.group(1), k -> new LinkedHashSet<>());
            Matcher put = Pattern.compile(Pattern.quote(run.group(2)) + "\\.put\\(\"(\\w+)\"").matcher(source.substring(start, run.start()));
            while (put.find()) {
                keys.add(put.group(1));
            }
        }
    }
}
