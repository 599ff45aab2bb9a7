package org.omnichannel.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelEventSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden files for the Chinese and POS connectors: a mapping result (events, skipped parts and the
 * acknowledgement) must equal the expected JSON in {@code src/test/resources/<path>}, and every event
 * must pass the published ChannelEvent JSON Schema. A missing golden file is written from the actual
 * result (run with {@code -Domni.golden.write=true} to rewrite them all) and the test fails, so a
 * human reviews it before it is committed.
 */
public final class CnGolden {

    private CnGolden() {
    }

    /** The vendor fixture directory (../shared/fixtures), from the {@code omni.fixtures} property. */
    public static Path fixtures() {
        String dir = System.getProperty("omni.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property omni.fixtures is not set: run the tests with Maven");
        }
        return Path.of(dir);
    }

    public static byte[] fixture(String relative) {
        return read(fixtures().resolve(relative));
    }

    public static String fixtureText(String relative) {
        return new String(fixture(relative), StandardCharsets.UTF_8);
    }

    /** A file of this module's test resources. */
    public static byte[] resource(String relative) {
        return read(resourceDir().resolve(relative));
    }

    public static void assertMatches(MappingResult result, String goldenPath) {
        for (ChannelEvent event : result.events()) {
            List<String> problems = ChannelEventSchema.get().validate(ChannelEventJson.toTree(event));
            assertThat(problems).as("schema problems of event %s", event.eventId()).isEmpty();
            assertThat(ChannelEventJson.read(ChannelEventJson.toBytes(event))).isEqualTo(event);
        }
        String actual = render(result);
        Path golden = resourceDir().resolve(goldenPath);
        if (Boolean.getBoolean("omni.golden.write") || !Files.exists(golden)) {
            try {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("golden file " + golden + " was written from the actual result: review it, then run again");
        }
        try {
            JsonNode expected = ChannelEventJson.mapper().readTree(Files.readString(golden));
            JsonNode got = ChannelEventJson.mapper().readTree(actual);
            assertThat(got).as("mapping result against %s; actual:%n%s", goldenPath, actual).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result as the pretty JSON a golden file holds. */
    public static String render(MappingResult result) {
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
        try {
            return ChannelEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDir() {
        return Path.of(System.getProperty("user.dir"), "src", "test", "resources");
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
