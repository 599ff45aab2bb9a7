package org.omnichannel.bench;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One recorded request for a connector, described by {@code connector-samples/<name>.properties}:
 * {@code system}, {@code body} ({@code fixtures:<path>} under ../shared/fixtures, or
 * {@code classpath:<file>} beside the properties), optional {@code method}, {@code uri},
 * {@code channelId}, {@code channel.kind}, {@code header.*}, {@code query.*}, {@code setting.*} and
 * {@code secret.*} (published test vectors only, never real secrets).
 */
record ConnectorSample(String name, String system, InboundRequest request, ChannelContext channel) {

    static final String DIRECTORY = "/connector-samples/";

    /** The names in {@code connector-samples/index.txt}. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : new String(resource("index.txt"), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    static ConnectorSample load(String name) {
        Properties p = new Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(resource(name + ".properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String system = required(p, name, "system");
        Map<String, List<String>> headers = new HashMap<>();
        Map<String, List<String>> query = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (key.startsWith("header.")) {
                headers.put(key.substring(7), List.of(value));
            } else if (key.startsWith("query.")) {
                query.put(key.substring(6), List.of(value));
            } else if (key.startsWith("setting.")) {
                settings.put(key.substring(8), value);
            } else if (key.startsWith("secret.")) {
                secrets.put(key.substring(7), value);
            }
        }
        String channelId = p.getProperty("channelId", "bench-" + system);
        InboundRequest request = new InboundRequest(p.getProperty("method", "POST"),
                p.getProperty("uri", "https://hub.example.com/webhooks/" + channelId), headers, query,
                body(name, required(p, name, "body")), Instant.parse("2026-11-20T02:15:00Z"));
        ChannelContext channel = new ChannelContext(channelId,
                ChannelKind.valueOf(p.getProperty("channel.kind", "OWN_ECOMMERCE")), system, settings,
                Secrets.of(channelId, secrets));
        return new ConnectorSample(name, system, request, channel);
    }

    /** ../shared/fixtures: property omni.fixtures, else beside the working directory's repository. */
    static Path fixtures() {
        String configured = System.getProperty("omni.fixtures");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/fixtures not found: run from the repository or set -Domni.fixtures");
    }

    private static byte[] body(String name, String body) {
        if (body.startsWith("fixtures:")) {
            try {
                return Files.readAllBytes(fixtures().resolve(body.substring("fixtures:".length())));
            } catch (IOException e) {
                throw new UncheckedIOException("sample " + name + ": cannot read " + body, e);
            }
        }
        if (body.startsWith("classpath:")) {
            return resource(body.substring("classpath:".length()));
        }
        throw new IllegalArgumentException("sample " + name + ": body must start with fixtures: or classpath:");
    }

    private static String required(Properties p, String name, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sample " + name + " has no '" + key + "'");
        }
        return value.strip();
    }

    private static byte[] resource(String file) {
        try (InputStream in = ConnectorSample.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + DIRECTORY + file + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
