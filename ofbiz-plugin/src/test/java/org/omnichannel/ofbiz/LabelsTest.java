package org.omnichannel.ofbiz;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
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
 * Every label a screen, form or menu uses exists, for every shipped locale: in
 * OmnichannelUiLabels.xml (English, Simplified and Traditional Chinese) or in OFBiz's
 * CommonUiLabels, the two resources the main decorator loads.
 */
class LabelsTest {

    static final List<String> LOCALES = List.of("en", "zh-CN", "zh-TW");
    private static final Pattern LABEL = Pattern.compile("uiLabelMap\\.([A-Za-z0-9_]+)");
    private static final Pattern TITLE = Pattern.compile("<set field=\"titleProperty\" value=\"([A-Za-z0-9_]+)\"");

    @Test
    void every_plugin_label_has_english_and_both_chinese_texts() {
        List<String> problems = new ArrayList<>();
        pluginLabels().forEach((key, locales) -> {
            if (!key.startsWith("Omnichannel")) {
                problems.add(key + ": plugin labels start with Omnichannel");
            }
            for (String locale : LOCALES) {
                if (!locales.contains(locale)) {
                    problems.add(key + " has no " + locale + " text");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_label_the_widgets_use_exists() throws IOException {
        Set<String> plugin = pluginLabels().keySet();
        Set<String> common = new LinkedHashSet<>();
        Facts.locations().get("labels").get("CommonUiLabels").get("keys").forEach(k -> common.add(k.asText()));
        Set<String> used = usedLabels();
        assertThat(used).as("labels used by the widgets").isNotEmpty();
        List<String> missing = used.stream().filter(k -> !plugin.contains(k) && !common.contains(k)).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void the_main_decorator_loads_both_label_resources() {
        Document screens = Facts.xml(Facts.component("widget/CommonScreens.xml"));
        Set<String> resources = new LinkedHashSet<>();
        Facts.elements(screens, "property-map").forEach(p -> resources.add(p.getAttribute("resource")));
        assertThat(resources).containsExactlyInAnyOrder("OmnichannelUiLabels", "CommonUiLabels");
        assertThat(Facts.component("config/OmnichannelUiLabels.xml")).exists();
    }

    @Test
    void the_scanner_finds_labels_and_page_titles() {
        Set<String> found = new LinkedHashSet<>();
        collect("<label text=\"${uiLabelMap.OmnichannelFans}\"/><set field=\"titleProperty\" value=\"OmnichannelFan360\"/>", found);
        assertThat(found).containsExactly("OmnichannelFans", "OmnichannelFan360");
    }

    static Map<String, Set<String>> pluginLabels() {
        Document doc = Facts.xml(Facts.component("config/OmnichannelUiLabels.xml"));
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (Element property : Facts.elements(doc, "property")) {
            Set<String> locales = new LinkedHashSet<>();
            for (Element value : Facts.children(property, "value")) {
                if (!value.getTextContent().isBlank()) {
                    locales.add(value.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
                }
            }
            labels.put(property.getAttribute("key"), locales);
        }
        return labels;
    }

    private static Set<String> usedLabels() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (Path file : Facts.componentFiles("widget", ".xml")) {
            collect(Files.readString(file), used);
        }
        return used;
    }

    private static void collect(String text, Set<String> into) {
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
        Matcher t = TITLE.matcher(text);
        while (t.find()) {
            into.add(t.group(1));
        }
    }
}
