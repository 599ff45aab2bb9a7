package org.omnichannel.hub.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a channel's secret is kept: an environment variable ({@code env:NAME}) or a file
 * ({@code file:/path}, trailing line breaks trimmed). The channels file only ever holds the
 * reference; {@link #toString()} prints the reference, never the value.
 */
public record SecretReference(Source source, String location) {

    /** The two places a secret may come from. */
    public enum Source { ENV, FILE }

    public SecretReference {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a secret reference needs a name after env: or a path after file:");
        }
    }

    /**
     * Reads {@code env:NAME} or {@code file:/path}.
     *
     * @throws IllegalArgumentException naming the accepted forms, without echoing the text (which may be a pasted secret)
     */
    public static SecretReference parse(String text) {
        if (text != null && text.startsWith("env:")) {
            String name = text.substring(4).trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("env: must name an environment variable (letters, digits, _)");
            }
            return new SecretReference(Source.ENV, name);
        }
        if (text != null && text.startsWith("file:")) {
            return new SecretReference(Source.FILE, text.substring(5).trim());
        }
        throw new IllegalArgumentException("a secret must be a reference, env:VARIABLE or file:/path/to/secret, "
                + "never the secret itself");
    }

    /**
     * The secret's value.
     *
     * @param environment looks up environment variables (System::getenv in production)
     * @throws IllegalStateException saying what to set, never a value
     */
    public String resolve(Function<String, String> environment) {
        if (source == Source.ENV) {
            String value = environment.apply(location);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("environment variable " + location + " is not set: export it before starting the hub");
            }
            return value;
        }
        Path path = Path.of(location);
        try {
            String value = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("secret file " + path + " is empty: write the secret into it");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read secret file " + path + " (" + e.getClass().getSimpleName()
                    + "): create it, readable by the hub only", e);
        }
    }

    @Override
    public String toString() {
        return (source == Source.ENV ? "env:" : "file:") + location;
    }
}
