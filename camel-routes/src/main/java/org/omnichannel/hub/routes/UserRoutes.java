package org.omnichannel.hub.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.PropertiesComponent;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The integration engineers' own routes: Camel YAML DSL files ({@code *.yaml}) in the routes
 * directory ({@value #DIR_PROPERTY}, default {@code config/routes}), loaded by Camel Main at start-up
 * through its standard {@code routesIncludePattern} ({@code file:<dir>/*.yaml}).
 *
 * <p>Every file is read as YAML first, so a syntax error stops start-up naming the file and the line
 * before Camel sees it; Camel's YAML DSL then reports what it cannot build (an unknown step, a bad
 * endpoint) with the file and line as well. Their {@code kafka:} endpoints talk to the hub's cluster
 * (the embedded broker by default) unless they name other brokers.
 */
public final class UserRoutes {

    public static final String DIR_PROPERTY = "omni.routes.dir";
    static final String DEFAULT_DIR = "config/routes";

    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);

    private UserRoutes() {
    }

    /** The routes directory from the hub's properties. */
    public static Path directory(PropertiesComponent properties) {
        return Path.of(properties.resolveProperty(DIR_PROPERTY).map(String::trim).filter(s -> !s.isEmpty()).orElse(DEFAULT_DIR));
    }

    /**
     * Checks the YAML of every route file in {@code dir} and adds them to what Camel Main loads.
     * Nothing happens when the directory does not exist.
     *
     * @return the route files found
     * @throws UserRoutesException naming every file and line that is not valid YAML
     */
    public static List<Path> include(CamelContext context, MainConfigurationProperties main, Path dir) {
        List<Path> files = files(dir);
        if (files.isEmpty()) {
            return files;
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            checkSyntax(file).or(() -> checkRoutes(context, file)).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new UserRoutesException(problems);
        }
        String pattern = "file:" + dir.toAbsolutePath().normalize() + "/*.yaml";
        String existing = main.getRoutesIncludePattern();
        main.setRoutesIncludePattern(existing == null || existing.isBlank() ? pattern : existing + "," + pattern);
        LOG.info("loading {} route file(s) from {}: {}", files.size(), dir.toAbsolutePath(),
                files.stream().map(f -> f.getFileName().toString()).toList());
        return files;
    }

    /** Points {@code kafka:} endpoints without brokers of their own at the hub's cluster. */
    public static void shareKafka(CamelContext context, String bootstrapServers) {
        KafkaComponent kafka = context.getComponent("kafka", KafkaComponent.class);
        if (kafka.getConfiguration().getBrokers() == null || kafka.getConfiguration().getBrokers().isBlank()) {
            kafka.getConfiguration().setBrokers(bootstrapServers);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the routes directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the file's route definitions with Camel's YAML DSL, without adding them, so that a step
     * Camel does not know fails here, before anything is started; the message is Camel's, which names
     * the file and line.
     */
    static java.util.Optional<String> checkRoutes(CamelContext context, Path file) {
        try {
            Resource resource = PluginHelper.getResourceLoader(context).resolveResource("file:" + file.toAbsolutePath());
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource)) {
                if (builder instanceof RouteBuilder routes) {
                    routes.configureRoutes(context);
                }
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            StringBuilder message = new StringBuilder(file.toString()).append(": ");
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
                    message.append(t == e ? "" : "; ").append(t.getMessage());
                }
            }
            return java.util.Optional.of(message.toString());
        }
    }

    /** A message naming the file and line when the file is not valid YAML. */
    static java.util.Optional<String> checkSyntax(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return java.util.Optional.of(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            while (composer.hasNext()) {
                composer.next();
            }
            return java.util.Optional.empty();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            return java.util.Optional.of(file + ": line " + line + ": not valid YAML: " + e.getProblem()
                    + " (check the indentation: two spaces per level, '- ' before each list item)");
        } catch (YamlEngineException e) {
            return java.util.Optional.of(file + ": not valid YAML: " + e.getMessage());
        }
    }
}
