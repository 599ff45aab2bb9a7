package org.omnichannel.ofbiz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after packaging (surefire execution "packaged-component", phase verify): the component
 * directory and zip under target/ are what a user drops into $OFBIZ_HOME/plugins/.
 */
class PackagedComponentCheck {

    private static final Pattern JAR = Pattern.compile("(.+?)-(\\d[^-]*(?:-[A-Za-z0-9.]+)?)\\.jar");

    private static Path dir() {
        return Path.of(System.getProperty("omni.package.dir"));
    }

    @Test
    void the_component_directory_is_the_source_component_plus_lib() throws IOException {
        assertThat(dir().resolve("ofbiz-component.xml")).exists();
        assertThat(dir().resolve("src/main/java/org/omnichannel/ofbiz/api/OmniApiEvents.java")).as("OFBiz compiles the Java itself").exists();
        assertThat(dir().resolve("webapp/omnichannel/WEB-INF/controller.xml")).exists();
        assertThat(libJars()).anyMatch(j -> j.startsWith("omnichannel-core-"));
    }

    @Test
    void lib_holds_no_second_copy_of_a_library_ofbiz_ships() throws IOException {
        Set<String> ofbiz = new TreeSet<>();
        for (String line : Files.readAllLines(OfbizFacts.facts().resolve("runtime-jars.txt"))) {
            Matcher m = JAR.matcher(line.trim());
            if (!line.startsWith("#") && m.matches()) {
                ofbiz.add(m.group(1));
            }
        }
        assertThat(ofbiz).contains("jackson-databind", "icu4j", "libphonenumber");
        List<String> duplicates = new ArrayList<>();
        for (String jar : libJars()) {
            Matcher m = JAR.matcher(jar);
            assertThat(m.matches()).as(jar).isTrue();
            if (ofbiz.contains(m.group(1))) {
                duplicates.add(jar);
            }
        }
        assertThat(duplicates).isEmpty();
        assertThat(libJars()).as("core's schema validator, which OFBiz lacks").anyMatch(j -> j.startsWith("json-schema-validator-"));
    }

    @Test
    void nothing_of_ofbiz_or_the_build_is_packaged() throws IOException {
        try (Stream<Path> walk = Files.walk(dir())) {
            List<String> wrong = walk.map(p -> dir().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.contains("org/apache/ofbiz") || p.endsWith(".class") || p.startsWith("build/"))
                    .toList();
            assertThat(wrong).isEmpty();
        }
        for (String jar : libJars()) {
            try (ZipFile zip = new ZipFile(dir().resolve("lib").resolve(jar).toFile())) {
                assertThat(zip.stream().map(ZipEntry::getName)).as(jar).noneMatch(n -> n.startsWith("org/apache/ofbiz/"));
            }
        }
    }

    @Test
    void the_zip_unpacks_to_plugins_omnichannel() throws IOException {
        try (ZipFile zip = new ZipFile(System.getProperty("omni.package.zip"))) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("omnichannel/ofbiz-component.xml", "omnichannel/config/OmnichannelUiLabels.xml");
            assertThat(names).allMatch(n -> n.startsWith("omnichannel/"));
            assertThat(names).anyMatch(n -> n.startsWith("omnichannel/lib/omnichannel-core-"));
        }
    }

    private static List<String> libJars() throws IOException {
        try (Stream<Path> list = Files.list(dir().resolve("lib"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
