package org.omnichannel.ofbiz.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GenericValue.set and EntityQuery.where throw at run time on a field the entity does not have,
 * and no OFBiz runs here: every field the order adapter sets on a value it makes, and every field
 * it queries by, exists on that entity in OFBiz (entities.json) or in the plugin's entity model.
 */
class OrderEntityFieldsTest {

    private static final Pattern MAKE_VALUE = Pattern.compile("GenericValue (\\w+) = delegator\\.makeValue\\(\"(\\w+)\"\\);");
    private static final Pattern FROM_WHERE = Pattern.compile("\\.from\\(\"(\\w+)\"\\)\\s*\\.where\\(");
    private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

    @Test
    void every_field_set_or_queried_by_the_order_adapter_exists_on_its_entity() throws Exception {
        Map<String, Set<String>> fields = entityFields();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String source : sources()) {
            Matcher made = MAKE_VALUE.matcher(source);
            while (made.find()) {
                Matcher set = Pattern.compile("\\b" + made.group(1) + "\\.set\\(\"(\\w+)\"").matcher(source);
                while (set.find()) {
                    checked++;
                    check(fields, made.group(2), set.group(1), problems);
                }
            }
            Matcher query = FROM_WHERE.matcher(source);
            while (query.find()) {
                List<String> args = topLevelArguments(source, query.end());
                for (int i = 0; i < args.size(); i += 2) {
                    Matcher literal = LITERAL.matcher(args.get(i).trim());
                    if (literal.matches()) {
                        checked++;
                        check(fields, query.group(1), literal.group(1), problems);
                    }
                }
            }
        }
        assertThat(checked).as("fields found in the order adapter").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_field_the_entity_lacks_is_reported() throws Exception {
        List<String> problems = new ArrayList<>();
        check(entityFields(), "OrderItem", "omniNoSuchField", problems);
        check(entityFields(), "OrderHeader", "omniChannelId", problems);
        assertThat(problems).containsExactly("OrderItem has no field omniNoSuchField");
    }

    private static void check(Map<String, Set<String>> fields, String entity, String field, List<String> problems) {
        Set<String> known = fields.get(entity);
        if (known == null) {
            problems.add("no entity " + entity);
        } else if (!known.contains(field)) {
            problems.add(entity + " has no field " + field);
        }
    }

    /** The comma-separated arguments of the call whose '(' ends at {@code start}, ignoring nested calls and strings. */
    private static List<String> topLevelArguments(String source, int start) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}')) {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static List<String> sources() throws Exception {
        Path dir = Path.of(System.getProperty("omni.component", "ofbiz-plugin/omnichannel"), "src/main/java/org/omnichannel/ofbiz/order");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(f));
            }
        }
        return sources;
    }

    private static Map<String, Set<String>> entityFields() throws Exception {
        Map<String, Set<String>> fields = new HashMap<>();
        Path facts = Path.of(System.getProperty("omni.ofbiz.facts", "../shared/ofbiz"));
        JsonNode model = new ObjectMapper().readTree(facts.resolve("entities.json").toFile());
        for (String kind : List.of("entities", "view-entities")) {
            for (JsonNode e : model.get(kind)) {
                Set<String> names = new HashSet<>();
                e.get("fields").forEach(f -> names.add(f.get("name").asText()));
                fields.put(e.get("name").asText(), names);
            }
        }
        Path entitymodel = Path.of(System.getProperty("omni.component", "ofbiz-plugin/omnichannel"), "entitydef/entitymodel.xml");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(entitymodel.toFile());
        for (String tag : List.of("entity", "extend-entity")) {
            NodeList entities = doc.getElementsByTagName(tag);
            for (int i = 0; i < entities.getLength(); i++) {
                Element e = (Element) entities.item(i);
                Set<String> names = fields.computeIfAbsent(e.getAttribute("entity-name"), k -> new HashSet<>());
                NodeList fs = e.getElementsByTagName("field");
                for (int j = 0; j < fs.getLength(); j++) {
                    names.add(((Element) fs.item(j)).getAttribute("name"));
                }
            }
        }
        return fields;
    }
}
