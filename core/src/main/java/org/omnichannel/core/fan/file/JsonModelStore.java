package org.omnichannel.core.fan.file;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.port.ModelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A {@link ModelStore} in one JSON file, replaced atomically on save. */
public final class JsonModelStore implements ModelStore {

    /** The event mapper: instants as ISO-8601, no jsr310 module (OFBiz does not ship it). */
    private static final ObjectWriter WRITER = ChannelEventJson.mapper().writerWithDefaultPrettyPrinter();

    private final Path file;

    public JsonModelStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<MatchModel> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChannelEventJson.mapper().readValue(file.toFile(), MatchModel.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the match model " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(MatchModel model) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "model", ".json");
            WRITER.writeValue(tmp.toFile(), model);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the match model " + file + ": " + e.getMessage(), e);
        }
    }
}
