package org.omnichannel.ofbiz;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The entity model as OFBiz will see it: OFBiz's entities, the plugin's entities and
 * view-entities, and the plugin's extend-entity fields on OFBiz entities.
 */
final class PluginEntities {

    /** One entity: its fields (name to type), primary key and "one" relations. */
    record Entity(String name, Map<String, String> fields, List<String> primaryKey, List<Relation> relations, boolean plugin,
                  boolean view) {
    }

    record Relation(String type, String title, String relEntity, String fkName, List<String[]> keyMaps) {
    }

    final Map<String, Entity> all = new LinkedHashMap<>();
    final Document model;

    PluginEntities() {
        for (JsonNode e : Facts.json("entities.json").get("entities")) {
            all.put(e.get("name").asText(), fromJson(e, false));
        }
        for (JsonNode e : Facts.json("entities.json").get("view-entities")) {
            all.put(e.get("name").asText(), fromJson(e, true));
        }
        for (JsonNode ext : Facts.json("entities.json").get("extend-entities")) {
            Entity base = all.get(ext.get("entity-name").asText());
            if (base != null) {
                ext.path("fields").forEach(f -> base.fields().put(f.get("name").asText(), f.path("type").asText()));
            }
        }
        model = Facts.xml(Facts.component("entitydef/entitymodel.xml"));
        for (Element e : Facts.elements(model, "entity")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Facts.children(e, "field").forEach(f -> fields.put(f.getAttribute("name"), f.getAttribute("type")));
            List<String> pk = Facts.children(e, "prim-key").stream().map(p -> p.getAttribute("field")).toList();
            all.put(e.getAttribute("entity-name"), new Entity(e.getAttribute("entity-name"), fields, pk, relations(e), true, false));
        }
        for (Element v : Facts.elements(model, "view-entity")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> members = new LinkedHashMap<>();
            Facts.children(v, "member-entity").forEach(m -> members.put(m.getAttribute("entity-alias"), m.getAttribute("entity-name")));
            for (Element alias : Facts.children(v, "alias")) {
                String field = alias.hasAttribute("field") ? alias.getAttribute("field") : alias.getAttribute("name");
                Entity member = all.get(members.get(alias.getAttribute("entity-alias")));
                fields.put(alias.getAttribute("name"), member == null ? null : member.fields().get(field));
            }
            all.put(v.getAttribute("entity-name"), new Entity(v.getAttribute("entity-name"), fields, List.of(), List.of(), true, true));
        }
        for (Element ext : Facts.elements(model, "extend-entity")) {
            Entity base = all.get(ext.getAttribute("entity-name"));
            if (base != null) {
                Facts.children(ext, "field").forEach(f -> base.fields().put(f.getAttribute("name"), f.getAttribute("type")));
                base.relations().addAll(relations(ext));
            }
        }
    }

    Entity get(String name) {
        return all.get(name);
    }

    Set<String> pluginEntityNames() {
        Set<String> names = new LinkedHashSet<>();
        all.values().stream().filter(Entity::plugin).forEach(e -> names.add(e.name()));
        return names;
    }

    static List<Relation> relations(Element entity) {
        List<Relation> out = new ArrayList<>();
        for (Element r : Facts.children(entity, "relation")) {
            List<String[]> keys = new ArrayList<>();
            for (Element k : Facts.children(r, "key-map")) {
                String field = k.getAttribute("field-name");
                String rel = k.hasAttribute("rel-field-name") ? k.getAttribute("rel-field-name") : field;
                keys.add(new String[] {field, rel});
            }
            out.add(new Relation(r.getAttribute("type"), Facts.attr(r, "title"), r.getAttribute("rel-entity-name"),
                    Facts.attr(r, "fk-name"), keys));
        }
        return out;
    }

    private static Entity fromJson(JsonNode e, boolean view) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.path("fields").forEach(f -> fields.put(f.get("name").asText(), f.path("type").asText(null)));
        List<String> pk = new ArrayList<>();
        e.path("primary-key").forEach(p -> pk.add(p.asText()));
        List<Relation> relations = new ArrayList<>();
        for (JsonNode r : e.path("relations")) {
            List<String[]> keys = new ArrayList<>();
            for (JsonNode k : r.path("key-maps")) {
                String field = k.get("field-name").asText();
                keys.add(new String[] {field, k.path("rel-field-name").asText(field)});
            }
            relations.add(new Relation(r.path("type").asText(), r.path("title").asText(null), r.path("rel-entity-name").asText(),
                    r.path("fk-name").asText(null), keys));
        }
        return new Entity(e.get("name").asText(), fields, pk, relations, false, view);
    }
}
