package org.omnichannel.hub;

import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.hub.channel.ChannelDefinition;
import org.omnichannel.hub.channel.SecretReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The channel the hub serves when no channels file exists, so that a first run can take a
 * webhook: {@value #ID}, system generic, with a random secret generated into the data directory
 * (never committed, never logged) and a ready curl line to try it.
 */
final class DemoChannel {

    static final String ID = "demo";

    private DemoChannel() {
    }

    static ChannelDefinition definition(Path dataDir) {
        Path secretFile = secretFile(dataDir);
        if (!Files.exists(secretFile)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                Files.createDirectories(secretFile.getParent());
                Files.writeString(secretFile, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file stays as the umask made it
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo channel's secret to " + secretFile, e);
            }
        }
        return new ChannelDefinition(ID, "generic", ChannelKind.OWN_ECOMMERCE, true, null, null, null, Map.of(),
                Map.of("webhookSecret", new SecretReference(SecretReference.Source.FILE, secretFile.toAbsolutePath().toString())),
                0);
    }

    static Path secretFile(Path dataDir) {
        return dataDir.resolve("demo").resolve("webhook.secret");
    }

    /** A curl command posting one signed visit event to the demo channel, valid for 5 minutes. */
    static String curlLine(String baseUrl, String secret, Instant now) {
        ChannelEvent event = ChannelEvent.builder()
                .channel(ID, ChannelKind.OWN_ECOMMERCE, "generic")
                .externalId("visit", UUID.randomUUID().toString())
                .type(EventType.INTERACTION)
                .occurredAt(now)
                .receivedAt(now)
                .identity(IdentityType.EMAIL, "fan@example.com")
                .payload(InteractionPayload.of(InteractionKind.VISIT))
                .build();
        String body = ChannelEventJson.toJson(event);
        long timestamp = now.getEpochSecond();
        String signature = "v1=" + HexFormat.of().formatHex(Signatures.hmacSha256(secret,
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "curl -i -X POST " + baseUrl + "/webhooks/" + ID
                + " -H 'Content-Type: application/json'"
                + " -H 'X-Omni-Timestamp: " + timestamp + "'"
                + " -H 'X-Omni-Signature: " + signature + "'"
                + " --data-raw '" + body.replace("'", "'\\''") + "'";
    }
}
