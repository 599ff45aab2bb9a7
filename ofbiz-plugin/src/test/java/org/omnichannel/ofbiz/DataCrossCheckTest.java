package org.omnichannel.ofbiz;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's data files against OFBiz's model and rows (entities.json, seed-data.json): each row
 * names a real entity and real fields with its whole primary key, and each id it refers to through
 * a relation (with or without a foreign key) exists. Seed data may refer only to seed rows (the plugin's or OFBiz's seed and
 * seed-initial), never to an id that only OFBiz's demo data carries.
 */
class DataCrossCheckTest {

    /** A data row: its file, entity and field values. */
    record Row(String file, String reader, String entity, Map<String, String> values) {
    }

    private static PluginEntities entities;
    private static List<Row> pluginRows;

    @BeforeAll
    static void load() {
        entities = new PluginEntities();
        pluginRows = new ArrayList<>();
        Document component = Facts.xml(Facts.component("ofbiz-component.xml"));
        for (Element resource : Facts.elements(component, "entity-resource")) {
            if ("data".equals(resource.getAttribute("type"))) {
                pluginRows.addAll(rows(Facts.component(resource.getAttribute("location")), resource.getAttribute("reader-name")));
            }
        }
        Facts.componentFiles("testdef/data", ".xml").forEach(f -> pluginRows.addAll(rows(f, "test")));
    }

    @Test
    void seed_and_demo_files_are_loaded_by_the_component() {
        assertThat(pluginRows).extracting(Row::reader).contains("seed", "demo");
        assertThat(pluginRows.stream().filter(r -> "seed".equals(r.reader())).map(Row::entity))
                .as("seed data holds types, statuses, enumerations and permissions only")
                .allMatch(e -> Set.of("EnumerationType", "Enumeration", "StatusType", "StatusItem", "StatusValidChange",
                        "SecurityPermission", "SecurityGroup", "SecurityGroupPermission").contains(e));
    }

    @Test
    void every_row_names_a_real_entity_real_fields_and_its_whole_primary_key() {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Row row : pluginRows) {
            PluginEntities.Entity entity = entities.get(row.entity());
            if (entity == null || entity.view()) {
                problems.add(row.file() + ": " + row.entity() + " is not an entity");
                continue;
            }
            row.values().keySet().stream().filter(f -> !entity.fields().containsKey(f))
                    .forEach(f -> problems.add(row.file() + ": " + row.entity() + "." + f + " is not a field"));
            List<String> pk = new ArrayList<>();
            for (String field : entity.primaryKey()) {
                if (row.values().get(field) == null) {
                    problems.add(row.file() + ": " + row.entity() + " row lacks primary key field " + field + " " + row.values());
                }
                pk.add(row.values().get(field));
            }
            if (!"test".equals(row.reader()) && !keys.add(row.entity() + pk)) {
                problems.add(row.file() + ": " + row.entity() + " " + pk + " appears twice");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void seed_rows_refer_only_to_seed_rows() {
        assertThat(danglingReferences(Set.of("seed"), false)).isEmpty();
    }

    @Test
    void demo_and_test_rows_refer_to_rows_that_exist() {
        assertThat(danglingReferences(Set.of("demo", "test"), true)).isEmpty();
    }

    @Test
    void a_seed_row_naming_a_demo_only_id_is_caught() {
        Map<String, Set<String>> seedIds = ids(false);
        assertThat(seedIds.get("SecurityGroup")).contains("SUPER").doesNotContain("FULLADMIN");
        assertThat(ids(true).get("SecurityGroup")).contains("FULLADMIN");
    }

    /** References from rows of these readers (through "one" relations) to ids no row carries. */
    private List<String> danglingReferences(Set<String> readers, boolean withDemo) {
        Map<String, Set<String>> known = ids(withDemo);
        Set<String> complete = completeEntities(withDemo);
        List<String> problems = new ArrayList<>();
        for (Row row : pluginRows) {
            if (!readers.contains(row.reader())) {
                continue;
            }
            PluginEntities.Entity entity = entities.get(row.entity());
            for (PluginEntities.Relation relation : entity.relations()) {
                if ("many".equals(relation.type()) || relation.keyMaps().size() != 1) {
                    continue;
                }
                // OFBiz's own one-nofk relations are often one of several (a party is a Person OR a
                // PartyGroup): checked only on the plugin's entities, and for granted permissions.
                boolean checked = "one".equals(relation.type()) || entity.plugin()
                        || ("SecurityGroupPermission".equals(row.entity()) && "SecurityPermission".equals(relation.relEntity()));
                if (!checked) {
                    continue;
                }
                String value = row.values().get(relation.keyMaps().get(0)[0]);
                // "_NA_" is OFBiz's "not applicable" key (here: an allocation rule for every product).
                if (value == null || "_NA_".equals(value) || !complete.contains(relation.relEntity())) {
                    continue;
                }
                if (!known.getOrDefault(relation.relEntity(), Set.of()).contains(value)) {
                    problems.add(row.file() + ": " + row.entity() + "." + relation.keyMaps().get(0)[0] + "=" + value
                            + " is no " + relation.relEntity() + (withDemo ? "" : " of seed data"));
                }
            }
        }
        return problems;
    }

    /** Single-field primary keys of every row OFBiz (seed-data.json) and the plugin load. */
    private static Map<String, Set<String>> ids(boolean withDemo) {
        Map<String, Set<String>> ids = new HashMap<>();
        JsonNode ofbiz = Facts.json("seed-data.json").get("entities");
        ofbiz.fields().forEachRemaining(entry -> {
            PluginEntities.Entity entity = entities.get(entry.getKey());
            if (entity == null || entity.primaryKey().size() != 1) {
                return;
            }
            String pk = entity.primaryKey().get(0);
            JsonNode rows = entry.getValue().get("rows");
            for (JsonNode slice : entry.getValue().path("files")) {
                if (!withDemo && "demo".equals(slice.path("reader").asText())) {
                    continue;
                }
                int first = slice.path("first").asInt();
                for (int i = first; i < first + slice.path("count").asInt(); i++) {
                    if (rows.get(i).hasNonNull(pk)) {
                        ids.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(rows.get(i).get(pk).asText());
                    }
                }
            }
        });
        for (Row row : pluginRows) {
            PluginEntities.Entity entity = entities.get(row.entity());
            boolean counts = "seed".equals(row.reader()) || (withDemo && !"test".equals(row.reader()));
            if (counts && entity != null && entity.primaryKey().size() == 1) {
                ids.computeIfAbsent(row.entity(), k -> new HashSet<>()).add(row.values().get(entity.primaryKey().get(0)));
            }
        }
        return ids;
    }

    /**
     * Entities whose every row is known: those seed-data.json holds (for a seed check, those whose
     * rows come from seed readers) and the plugin's own. Other OFBiz entities (demo rows outside
     * demo-kept) are not checked: a missing id there says nothing.
     */
    private static Set<String> completeEntities(boolean withDemo) {
        Set<String> complete = new HashSet<>(entities.pluginEntityNames());
        Facts.json("seed-data.json").get("entities").fields().forEachRemaining(entry -> {
            boolean seedOnly = true;
            for (JsonNode slice : entry.getValue().path("files")) {
                seedOnly &= !"demo".equals(slice.path("reader").asText());
            }
            // Without demo data, an entity seed-data.json holds is complete; with demo data only if
            // its demo rows are all kept (demo-kept entities are), which seed-data.json marks.
            if (!withDemo || seedOnly || !"false".equals(entry.getValue().path("demo-complete").asText())) {
                complete.add(entry.getKey());
            }
        });
        return complete;
    }

    private static List<Row> rows(Path file, String reader) {
        Document doc = Facts.xml(file);
        List<Row> rows = new ArrayList<>();
        for (org.w3c.dom.Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Map<String, String> values = new LinkedHashMap<>();
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    values.put(a.getName(), a.getValue());
                }
                for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element child) {
                        values.put(child.getLocalName(), child.getTextContent());
                    }
                }
                rows.add(new Row(Facts.component("").relativize(file).toString(), reader, e.getLocalName(), values));
            }
        }
        return rows;
    }
}
