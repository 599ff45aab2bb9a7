package org.omnichannel.hub.support;

import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/** Builds and posts webhooks for the generic connector, signed as a real sender signs them. */
public final class GenericWebhooks {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GenericWebhooks() {
    }

    public static ChannelEvent visit(String channelId, String externalId, String email) {
        Instant now = Instant.now();
        return ChannelEvent.builder()
                .channel(channelId, ChannelKind.OWN_ECOMMERCE, "generic")
                .externalId("visit", externalId)
                .type(EventType.INTERACTION)
                .occurredAt(now)
                .receivedAt(now)
                .identity(IdentityType.EMAIL, email)
                .payload(InteractionPayload.of(InteractionKind.VISIT))
                .build();
    }

    public static String signature(String secret, long timestamp, byte[] body) {
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "v1=" + HexFormat.of().formatHex(Signatures.hmacSha256(secret, signed));
    }

    /** POSTs a body signed with the secret at the given time. */
    public static HttpResponse<String> post(String url, byte[] body, String secret, long timestamp, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .header("X-Omni-Timestamp", String.valueOf(timestamp))
                .header("X-Omni-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    public static HttpResponse<String> post(String url, byte[] body, String secret) {
        return post(url, body, secret, Instant.now().getEpochSecond(), "application/json");
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
