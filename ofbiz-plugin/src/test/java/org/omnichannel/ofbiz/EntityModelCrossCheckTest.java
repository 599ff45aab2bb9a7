package org.omnichannel.ofbiz;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's entity model against OFBiz's (../shared/ofbiz/entities.json, fieldtypes.json):
 * names, field types, relations, view-entities and extend-entity must hold in a real trunk.
 */
class EntityModelCrossCheckTest {

    private static PluginEntities entities;

    @BeforeAll
    static void load() {
        entities = new PluginEntities();
    }

    @Test
    void every_plugin_entity_is_prefixed_omni_and_clashes_with_no_ofbiz_entity() {
        Set<String> ofbiz = Facts.ofbizEntities().keySet();
        for (Element e : Facts.elements(entities.model, "entity")) {
            assertThat(e.getAttribute("entity-name")).startsWith("Omni").isNotIn(ofbiz);
            assertThat(Facts.children(e, "prim-key")).as(e.getAttribute("entity-name") + " has a primary key").isNotEmpty();
        }
        for (Element v : Facts.elements(entities.model, "view-entity")) {
            assertThat(v.getAttribute("entity-name")).startsWith("Omni").isNotIn(ofbiz);
        }
    }

    @Test
    void every_field_type_is_an_ofbiz_field_type_and_every_key_is_a_field() {
        JsonNode types = Facts.json("fieldtypes.json").get("derby").get("types");
        List<String> problems = new ArrayList<>();
        for (PluginEntities.Entity e : entities.all.values()) {
            if (!e.plugin() || e.view()) {
                continue;
            }
            e.fields().forEach((field, type) -> {
                if (!types.has(type)) {
                    problems.add(e.name() + "." + field + ": unknown type " + type);
                }
            });
            e.primaryKey().stream().filter(pk -> !e.fields().containsKey(pk))
                    .forEach(pk -> problems.add(e.name() + ": prim-key " + pk + " is not a field"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_relation_names_a_real_entity_and_its_primary_key() {
        List<String> problems = new ArrayList<>();
        Set<String> fkNames = new HashSet<>();
        Document model = entities.model;
        List<Element> owners = new ArrayList<>(Facts.elements(model, "entity"));
        owners.addAll(Facts.elements(model, "extend-entity"));
        for (Element owner : owners) {
            String name = owner.getAttribute("entity-name");
            PluginEntities.Entity self = entities.get(name);
            for (PluginEntities.Relation r : PluginEntities.relations(owner)) {
                PluginEntities.Entity target = entities.get(r.relEntity());
                if (target == null) {
                    problems.add(name + " -> " + r.relEntity() + ": no such entity in OFBiz or the plugin");
                    continue;
                }
                List<String> relFields = new ArrayList<>();
                for (String[] key : r.keyMaps()) {
                    if (!self.fields().containsKey(key[0])) {
                        problems.add(name + " -> " + r.relEntity() + ": " + key[0] + " is not a field of " + name);
                    }
                    if (!target.fields().containsKey(key[1])) {
                        problems.add(name + " -> " + r.relEntity() + ": " + key[1] + " is not a field of " + r.relEntity());
                    }
                    relFields.add(key[1]);
                }
                if ("one".equals(r.type())) {
                    if (!new HashSet<>(relFields).equals(new HashSet<>(target.primaryKey()))) {
                        problems.add(name + " -> " + r.relEntity() + ": a foreign key must map the whole primary key "
                                + target.primaryKey() + ", maps " + relFields);
                    }
                    if (r.fkName() == null || !r.fkName().startsWith("OMNI_") || r.fkName().length() > 18) {
                        problems.add(name + " -> " + r.relEntity() + ": fk-name '" + r.fkName()
                                + "' must start with OMNI_ and have at most 18 characters");
                    } else if (!fkNames.add(r.fkName())) {
                        problems.add(name + ": fk-name " + r.fkName() + " is used twice");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** OFBiz's model check warns "[IndexNameGT18]" at every start for a longer name (seen in a real trunk). */
    @Test
    void every_index_name_is_prefixed_omni_unique_and_at_most_18_characters() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Element index : Facts.elements(entities.model, "index")) {
            String name = index.getAttribute("name");
            if (!name.startsWith("OMNI_") || name.length() > 18) {
                problems.add("index " + name + " must start with OMNI_ and have at most 18 characters");
            } else if (!names.add(name)) {
                problems.add("index " + name + " is used twice");
            }
        }
        assertThat(names).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void extend_entity_adds_only_omni_fields_to_real_ofbiz_entities() {
        for (Element ext : Facts.elements(entities.model, "extend-entity")) {
            JsonNode base = Facts.ofbizEntities().get(ext.getAttribute("entity-name"));
            assertThat(base).as(ext.getAttribute("entity-name") + " exists in OFBiz").isNotNull();
            Set<String> existing = new HashSet<>();
            base.path("fields").forEach(f -> existing.add(f.get("name").asText()));
            for (Element field : Facts.children(ext, "field")) {
                assertThat(field.getAttribute("name")).startsWith("omni").isNotIn(existing);
            }
        }
    }

    @Test
    void view_entities_join_real_members_on_real_fields() {
        List<String> problems = new ArrayList<>();
        for (Element v : Facts.elements(entities.model, "view-entity")) {
            java.util.Map<String, String> members = new java.util.HashMap<>();
            for (Element m : Facts.children(v, "member-entity")) {
                if (entities.get(m.getAttribute("entity-name")) == null) {
                    problems.add(v.getAttribute("entity-name") + ": member " + m.getAttribute("entity-name") + " does not exist");
                }
                members.put(m.getAttribute("entity-alias"), m.getAttribute("entity-name"));
            }
            for (Element alias : Facts.children(v, "alias")) {
                String field = alias.hasAttribute("field") ? alias.getAttribute("field") : alias.getAttribute("name");
                PluginEntities.Entity member = entities.get(members.get(alias.getAttribute("entity-alias")));
                if (member == null || !member.fields().containsKey(field)) {
                    problems.add(v.getAttribute("entity-name") + ": alias " + alias.getAttribute("name") + " names no field " + field);
                }
            }
            for (Element link : Facts.children(v, "view-link")) {
                for (Element key : Facts.children(link, "key-map")) {
                    String rel = key.hasAttribute("rel-field-name") ? key.getAttribute("rel-field-name") : key.getAttribute("field-name");
                    if (!entities.get(members.get(link.getAttribute("entity-alias"))).fields().containsKey(key.getAttribute("field-name"))
                            || !entities.get(members.get(link.getAttribute("rel-entity-alias"))).fields().containsKey(rel)) {
                        problems.add(v.getAttribute("entity-name") + ": view-link on missing field " + key.getAttribute("field-name"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void entity_ecas_watch_real_entities_and_call_plugin_services() {
        Document eecas = Facts.xml(Facts.component("entitydef/eecas.xml"));
        Set<String> services = ServiceDefinitions.load().pluginServices().keySet();
        for (Element eca : Facts.elements(eecas, "eca")) {
            assertThat(entities.get(eca.getAttribute("entity"))).as(eca.getAttribute("entity")).isNotNull();
            for (Element action : Facts.children(eca, "action")) {
                assertThat(action.getAttribute("service")).isIn(services);
            }
        }
    }

    @Test
    void a_relation_to_a_missing_field_is_caught() {
        PluginEntities.Entity party = entities.get("Party");
        assertThat(party.primaryKey()).containsExactly("partyId");
        assertThat(party.fields()).doesNotContainKey("omniNoSuchField");
        assertThat(entities.get("OrderHeader").fields()).as("extend-entity applied").containsKey("omniChannelId");
    }
}
