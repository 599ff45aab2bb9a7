package org.omnichannel.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelEventSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The one golden-file rule for every connector's tests, and the inputs those tests read: the vendors'
 * fixtures from {@code ../shared/fixtures} (system property {@code omni.fixtures}) and this module's
 * test resources.
 *
 * <p>A golden file under {@code src/test/resources/} holds the canonical JSON a mapping must produce:
 * either the list of events ({@link #assertGolden(List, String)}) or the whole mapping result, with
 * its skipped parts and acknowledgement ({@link #assertGolden(MappingResult, String)}). Before the
 * comparison every event must pass the published ChannelEvent JSON Schema and read back equal from its
 * serialized bytes. The comparison is exact (JSON trees, so only the order of object members is
 * free); on a difference the failure names the golden file and shows both sides pretty-printed.
 *
 * <p>A missing golden file is written from the actual output and the test fails, so a human reviews
 * it before it is committed. Run with {@code -Domni.golden.update=true} (the older
 * {@code -Domni.golden.write=true} means the same) to rewrite every golden file that differs; each
 * rewrite fails its test, naming the file, so an update run is never mistaken for a green one.
 */
public final class Golden {

    /** The instant every test request is received at, so golden files are stable. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-23T12:00:00Z");

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {
    }

    /** The vendor fixture directory (../shared/fixtures), from the {@code omni.fixtures} property. */
    public static Path fixtures() {
        String dir = System.getProperty("omni.fixtures");
        if (dir == null) {
            fail("system property omni.fixtures is not set: run the tests with Maven (connectors/pom.xml sets it)");
        }
        return Path.of(dir);
    }

    /** The exact bytes of a vendor fixture, {@code <fixtures>/<vendor>/<file>}. */
    public static byte[] fixture(String vendor, String file) {
        return fixture(vendor + "/" + file);
    }

    /** The exact bytes of a vendor fixture, by its path under the fixture directory. */
    public static byte[] fixture(String relative) {
        Path root = fixtures();
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + relative + " is missing under " + root, e);
        }
    }

    /** A vendor fixture as UTF-8 text. */
    public static String fixtureText(String relative) {
        return new String(fixture(relative), StandardCharsets.UTF_8);
    }

    /** The exact bytes of a test resource of ours (src/test/resources), from the test class path. */
    public static byte[] resource(String path) {
        try (InputStream in = Golden.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                fail("test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test resource " + path, e);
        }
    }

    /** A POST received at {@link #RECEIVED_AT}. */
    public static InboundRequest post(String uri, Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new InboundRequest("POST", uri, multi, Map.of(), body, RECEIVED_AT);
    }

    /**
     * Checks every event against the schema (and that it reads back equal), then compares the list of
     * events with the JSON array in {@code src/test/resources/<golden>}.
     */
    public static void assertGolden(List<ChannelEvent> events, String golden) {
        ArrayNode actual = ChannelEventJson.mapper().createArrayNode();
        events.forEach(event -> actual.add(checkedTree(event)));
        compare(actual, golden);
    }

    /**
     * Checks every event of the result against the schema (and that it reads back equal), then
     * compares the whole result, as {@link #render(MappingResult)} writes it, with
     * {@code src/test/resources/<golden>}.
     */
    public static void assertGolden(MappingResult result, String golden) {
        result.events().forEach(Golden::checkedTree);
        // Compared as written and read back, so number node types are those a golden file yields.
        compare(parse(render(result)), golden);
    }

    /** The result as the pretty JSON a golden file holds: events, skipped parts and acknowledgement. */
    public static String render(MappingResult result) {
        return pretty(tree(result));
    }

    private static ObjectNode tree(MappingResult result) {
        ObjectNode root = ChannelEventJson.mapper().createObjectNode();
        ArrayNode events = root.putArray("events");
        result.events().forEach(e -> events.add(ChannelEventJson.toTree(e)));
        ArrayNode skipped = root.putArray("skipped");
        for (MappingResult.Skipped s : result.skipped()) {
            skipped.addObject().put("reason", s.reason().name()).put("detail", s.detail());
        }
        ObjectNode ack = root.putObject("acknowledgement");
        ack.put("status", result.acknowledgement().status());
        ack.put("contentType", result.acknowledgement().contentType());
        ack.put("body", new String(result.acknowledgement().body(), StandardCharsets.UTF_8));
        return root;
    }

    /** The event's serialized form as a tree, after checking it passes the schema and reads back equal. */
    private static JsonNode checkedTree(ChannelEvent event) {
        byte[] json = ChannelEventJson.toBytes(event);
        JsonNode tree = parse(new String(json, StandardCharsets.UTF_8));
        assertThat(ChannelEventSchema.get().validate(tree))
                .as("schema problems of event %s", event.eventId()).isEmpty();
        assertThat(ChannelEventSchema.get().validate(ChannelEventJson.toTree(event)))
                .as("schema problems of event %s as a tree", event.eventId()).isEmpty();
        assertThat(ChannelEventJson.read(json))
                .as("event %s read back from its JSON", event.eventId()).isEqualTo(event);
        return tree;
    }

    private static void compare(JsonNode actual, String golden) {
        Path file = resourceDir().resolve(golden);
        boolean update = Boolean.getBoolean("omni.golden.update") || Boolean.getBoolean("omni.golden.write");
        if (!Files.exists(file)) {
            write(file, actual);
            fail("golden file " + file + " was missing and has been written from the actual output:"
                    + " review it, then run again");
        }
        JsonNode expected;
        try {
            expected = ChannelEventJson.mapper().readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file + " is not JSON", e);
        }
        // Tree equality ignores the order of object members (maps such as attributes have none).
        if (actual.equals(expected)) {
            return;
        }
        if (update) {
            write(file, actual);
            fail("golden file " + file + " was rewritten from the actual output: review the diff, then run again");
        }
        assertThat(pretty(actual)).as("output compared with golden file %s", golden).isEqualTo(pretty(expected));
        fail("output differs from golden file " + golden
                + " in a way its pretty form does not show (member order or number type)");
    }

    private static Path resourceDir() {
        return Path.of(System.getProperty("user.dir"), "src", "test", "resources");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return ChannelEventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, JsonNode actual) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty(actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
