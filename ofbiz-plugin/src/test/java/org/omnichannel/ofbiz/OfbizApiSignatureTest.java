package org.omnichannel.ofbiz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's Java compiles against compile-only declarations of the OFBiz classes it uses
 * (src/ofbiz-api/java). Each declaration must be true of the real OFBiz: every public member that
 * javap prints for a declaration must appear, character for character, among the members javap
 * printed for the real class (../shared/ofbiz/api-signatures.txt), and the class must be of the
 * same kind (class, final class, abstract class, interface).
 */
class OfbizApiSignatureTest {

    @TestFactory
    Stream<DynamicTest> every_declared_ofbiz_member_exists_with_the_same_signature_in_ofbiz() throws IOException {
        Map<String, ClassSignature> real = ClassSignature.parse(Files.readAllLines(
                OfbizFacts.facts().resolve("api-signatures.txt")));
        List<String> declared = declaredClassNames();
        assertThat(declared).as("declarations under " + sources()).isNotEmpty();
        return declared.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ClassSignature ours = javap(name);
            ClassSignature theirs = real.get(name);
            assertThat(theirs).as(name + " is not in api-signatures.txt: declare only classes listed there").isNotNull();
            assertThat(ours.kind()).as("kind of " + name).isEqualTo(theirs.kind());
            List<String> unknown = ours.members().stream().filter(m -> !theirs.members().contains(m)).toList();
            assertThat(unknown).as("members of " + name + " that OFBiz does not have").isEmpty();
        }));
    }

    @Test
    void a_member_with_a_wrong_signature_is_caught() {
        ClassSignature real = ClassSignature.parse(List.of(
                "# org.apache.ofbiz.X", "public final class org.apache.ofbiz.X {",
                "  public static java.lang.String a(java.lang.String);", "}")).get("org.apache.ofbiz.X");
        assertThat(real.members()).containsExactly("public static java.lang.String a(java.lang.String);");
        assertThat(real.members()).doesNotContain("public static java.lang.String a(java.lang.Object);");
        assertThat(real.kind()).isEqualTo("public final class");
    }

    @Test
    void no_declaration_is_compiled_into_the_plugin_classes() throws IOException {
        Path classes = Path.of(System.getProperty("omni.ofbiz.api.classes")).getParent().resolve("classes");
        assertThat(classes.resolve("org/apache/ofbiz")).doesNotExist();
        try (Stream<Path> walk = Files.walk(OfbizFacts.component())) {
            assertThat(walk.filter(p -> p.toString().contains("org/apache/ofbiz")).toList())
                    .as("OFBiz declarations inside the component").isEmpty();
        }
    }

    private static Path sources() {
        return Path.of(System.getProperty("omni.ofbiz.api.sources", "ofbiz-plugin/src/ofbiz-api/java"));
    }

    private static List<String> declaredClassNames() throws IOException {
        try (Stream<Path> walk = Files.walk(sources())) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted()
                    .map(p -> sources().relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .toList();
        }
    }

    private static ClassSignature javap(String className) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException("no javap: run on a JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(err), "-public", "-cp",
                System.getProperty("omni.ofbiz.api.classes"), className);
        assertThat(rc).as("javap " + className + ": " + err).isZero();
        List<String> lines = new ArrayList<>(List.of("# " + className));
        lines.addAll(out.toString().lines().toList());
        return ClassSignature.parse(lines).get(className);
    }

    /** One class as javap -public prints it: its kind and its member lines. */
    record ClassSignature(String kind, List<String> members) {

        static Map<String, ClassSignature> parse(List<String> lines) {
            Map<String, ClassSignature> classes = new LinkedHashMap<>();
            String name = null;
            String kind = null;
            List<String> members = null;
            for (String line : lines) {
                if (line.startsWith("# org.apache.ofbiz.")) {
                    name = line.substring(2).trim();
                    kind = null;
                    members = new ArrayList<>();
                } else if (name != null && kind == null && line.startsWith("public ")) {
                    kind = line.substring(0, line.indexOf(" " + name)).trim();
                } else if (name != null && kind != null && line.equals("}")) {
                    classes.put(name, new ClassSignature(kind, List.copyOf(members)));
                    name = null;
                } else if (name != null && kind != null && line.startsWith("  ")) {
                    members.add(line.trim());
                }
            }
            return classes;
        }
    }
}
