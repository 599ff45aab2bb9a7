package org.omnichannel.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelEventSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden-file support for the web connectors' tests: the vendors' fixtures from
 * {@code ../shared/fixtures} (system property {@code omni.fixtures}), and the expected canonical JSON
 * checked in under {@code src/test/resources/<vendor>/golden/}. Every event is first checked against
 * the published JSON Schema and read back, then the whole list is compared with the golden file.
 *
 * <p>Run with {@code -Domni.golden.update=true} to (re)write golden files from the current output;
 * review the diff before committing: a golden file is a claim about what the mapping must produce.
 */
public final class WebGolden {

    /** The instant every test request is received at, so golden files are stable. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-23T12:00:00Z");

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WebGolden() {
    }

    /** The exact bytes of a vendor fixture. */
    public static byte[] fixture(String vendor, String file) {
        String root = System.getProperty("omni.fixtures");
        if (root == null) {
            fail("system property omni.fixtures is not set: run the tests with Maven (connectors/pom.xml sets it)");
        }
        try {
            return Files.readAllBytes(Path.of(root, vendor, file));
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + vendor + "/" + file + " is missing under " + root, e);
        }
    }

    /** The exact bytes of a test resource of ours (src/test/resources). */
    public static byte[] resource(String path) {
        try (InputStream in = WebGolden.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                fail("test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST received at {@link #RECEIVED_AT}. */
    public static InboundRequest post(String uri, Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new InboundRequest("POST", uri, multi, Map.of(), body, RECEIVED_AT);
    }

    /**
     * Checks each event against the schema (and that it reads back equal), then compares the list with
     * {@code src/test/resources/<golden>}.
     */
    public static void assertGolden(List<ChannelEvent> events, String golden) {
        ArrayNode actual = ChannelEventJson.mapper().createArrayNode();
        for (ChannelEvent event : events) {
            JsonNode tree = parse(ChannelEventJson.toJson(event));
            assertThat(ChannelEventSchema.get().validate(tree)).as("schema problems of %s", event.eventId()).isEmpty();
            assertThat(ChannelEventJson.read(tree)).isEqualTo(event);
            actual.add(tree);
        }
        if (Boolean.getBoolean("omni.golden.update")) {
            write(golden, actual);
            return;
        }
        JsonNode expected = parse(new String(resource(golden), java.nio.charset.StandardCharsets.UTF_8));
        // Tree equality ignores the order of object members (maps such as attributes have none).
        if (!actual.equals(expected)) {
            assertThat(pretty(actual)).as("events compared with golden file %s", golden).isEqualTo(pretty(expected));
            fail("events differ from golden file " + golden + " only in member order; the trees still differ");
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
            return PRETTY.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String golden, JsonNode actual) {
        Path file = Path.of(System.getProperty("user.dir"), "src", "test", "resources", golden);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty(actual) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
