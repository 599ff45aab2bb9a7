package org.omnichannel.hub.channel;

import org.omnichannel.core.event.ChannelKind;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the channels file the integration engineer edits. Every problem is reported at once, each
 * with its line and the fix, e.g. {@code line 7: channel 'shop-eu': kind 'SHOP' is not one of
 * OFFLINE_DIRECT, ...}. The YAML is read as a node tree (not bound to objects) so that every value
 * keeps its line.
 */
public final class ChannelsFile {

    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final List<String> CHANNEL_KEYS = List.of("id", "system", "kind", "enabled", "productStoreId",
            "facilityId", "salesChannel", "settings", "secrets");

    private final String label;
    private final Set<String> knownSystems;
    private final List<String> problems = new ArrayList<>();

    private ChannelsFile(String label, Set<String> knownSystems) {
        this.label = label;
        this.knownSystems = knownSystems;
    }

    /**
     * Reads a channels file.
     *
     * @param knownSystems the connectors' system ids; a channel naming another is an error
     * @throws ChannelsFileException listing every problem with its line
     */
    public static List<ChannelDefinition> read(Path file, Set<String> knownSystems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read channels file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, knownSystems);
    }

    /** Reads channels from YAML text; {@code label} names the source in messages. */
    public static List<ChannelDefinition> parse(String label, String yaml, Set<String> knownSystems) {
        return new ChannelsFile(label, knownSystems).parse(yaml);
    }

    private List<ChannelDefinition> parse(String yaml) {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(label).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ChannelsFileException(label, List.of("line " + line + ": not valid YAML: " + e.getProblem()
                    + " (check the indentation: two spaces per level, '- ' before each channel)"));
        }
        if (!(root instanceof MappingNode mapping) || value(mapping, "channels") == null) {
            throw new ChannelsFileException(label, List.of("line 1: the file must start with 'channels:' followed by a "
                    + "list of channels (see config/channels.example.yaml)"));
        }
        Node channelsNode = value(mapping, "channels");
        List<ChannelDefinition> channels = new ArrayList<>();
        if (!(channelsNode instanceof SequenceNode sequence)) {
            if (!(channelsNode instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
                problem(channelsNode, "'channels:' must be a list: put '- id: ...' under it for each channel");
            }
        } else {
            Set<String> ids = new HashSet<>();
            for (Node item : sequence.getValue()) {
                ChannelDefinition channel = channel(item);
                String id = item instanceof MappingNode m ? optionalText(m, "id") : null;
                if (id != null && !ids.add(id)) {
                    problem(item, "channel id '" + id + "' is used twice: give each channel its own id");
                } else if (channel != null) {
                    channels.add(channel);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ChannelsFile::lineOf));
            throw new ChannelsFileException(label, problems);
        }
        return List.copyOf(channels);
    }

    private ChannelDefinition channel(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "each channel must be a mapping ('- id: shop-eu' followed by system:, kind:...)");
            return null;
        }
        int before = problems.size();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!CHANNEL_KEYS.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "': a channel has " + String.join(", ", CHANNEL_KEYS));
            }
        }
        String id = requiredText(mapping, node, "id", "the channel's id, e.g. id: shop-eu");
        String name = id == null ? "channel" : "channel '" + id + "'";
        if (id != null && !CHANNEL_ID.matcher(id).matches()) {
            problem(value(mapping, "id"), name + ": id must be lower-case letters, digits and '-' (at most 63), "
                    + "it becomes the URL path /webhooks/" + "{id}");
        }
        String system = requiredText(mapping, node, "system", name + " needs system: (one of "
                + String.join(", ", knownSystems) + ")");
        if (system != null && !knownSystems.contains(system)) {
            problem(value(mapping, "system"), name + ": no connector for system '" + system + "'; known systems: "
                    + String.join(", ", knownSystems));
        }
        String kindText = requiredText(mapping, node, "kind", name + " needs kind: ("
                + Arrays.stream(ChannelKind.values()).map(Enum::name).collect(Collectors.joining(" | ")) + ")");
        ChannelKind kind = null;
        if (kindText != null) {
            try {
                kind = ChannelKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                problem(value(mapping, "kind"), name + ": kind '" + kindText + "' is not one of "
                        + Arrays.stream(ChannelKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        boolean enabled = true;
        String enabledText = optionalText(mapping, "enabled");
        if (enabledText != null) {
            if (!enabledText.equals("true") && !enabledText.equals("false")) {
                problem(value(mapping, "enabled"), name + ": enabled must be true or false, was '" + enabledText + "'");
            }
            enabled = !enabledText.equals("false");
        }
        Map<String, String> settings = stringMap(mapping, "settings", name);
        Map<String, SecretReference> secrets = new LinkedHashMap<>();
        stringMap(mapping, "secrets", name).forEach((secretName, reference) -> {
            try {
                secrets.put(secretName, SecretReference.parse(reference));
            } catch (IllegalArgumentException e) {
                problem(valueIn(mapping, "secrets", secretName), name + ": secret '" + secretName + "': " + e.getMessage());
            }
        });
        if (problems.size() > before) {
            return null;
        }
        return new ChannelDefinition(id, system, kind, enabled, optionalText(mapping, "productStoreId"),
                optionalText(mapping, "facilityId"), optionalText(mapping, "salesChannel"), settings, secrets, line(node));
    }

    private Map<String, String> stringMap(MappingNode channel, String key, String name) {
        Node node = value(channel, key);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, name + ": " + key + ": must be a mapping of names to values (name: value, one a line)");
            return values;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
                problem(tuple.getValueNode(), name + ": " + key + "." + scalar(tuple.getKeyNode()) + " must be a single value");
            } else {
                values.put(scalar(tuple.getKeyNode()), scalar.getValue());
            }
        }
        return values;
    }

    private String requiredText(MappingNode mapping, Node owner, String key, String fix) {
        Node node = value(mapping, key);
        if (node == null) {
            problem(owner, "missing " + key + ": " + fix);
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problem(node, key + " must be a single non-empty value: " + fix);
            return null;
        }
        return scalar.getValue().trim();
    }

    private static String optionalText(MappingNode mapping, String key) {
        Node node = mapping == null ? null : value(mapping, key);
        return node instanceof ScalarNode scalar && !scalar.getValue().isBlank() ? scalar.getValue().trim() : null;
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static Node valueIn(MappingNode mapping, String outer, String inner) {
        Node node = value(mapping, outer);
        return node instanceof MappingNode nested ? value(nested, inner) : node;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(node);
    }

    private void problem(Node node, String message) {
        problems.add("line " + line(node) + ": " + message);
    }

    private static int lineOf(String problem) {
        return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
