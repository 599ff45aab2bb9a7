package org.omnichannel.hub.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PollPage;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Clover-style system for the hub's tests (registered only on the test class path): its webhooks are signed
 * (hex HMAC-SHA256 of the body with the secret {@code webhookSecret} in {@code X-Signature}) and only name objects,
 * {@code {"notificationId":"n-1","objects":["a","b"]}}; each object is fetched from its API
 * ({@code GET <apiBase>/objects/<id>}, setting {@code apiBase}), which answers the object as canonical event JSON.
 * It proves that webhook ingress queues the references of any connector with a fetch source, not only Amazon's.
 */
public final class IdOnlyConnector implements Connector, FetchSource {

    public static final String SYSTEM = "id-only-test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        String sent = request.header("X-Signature");
        if (sent == null) {
            return Verification.rejected("no X-Signature header");
        }
        byte[] expected = HexFormat.of().formatHex(Signatures.hmacSha256(channel.secrets().require("webhookSecret"),
                request.body())).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Signatures.equal(expected, sent.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) ? Verification.ok()
                : Verification.rejected("X-Signature does not match the body");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        return MappingResult.skipped(MappingResult.SkipReason.SUMMARY_ONLY, "the notification names objects to fetch");
    }

    @Override
    public Optional<FetchSource> fetchSource() {
        return Optional.of(this);
    }

    @Override
    public List<FetchRef> references(InboundRequest request, ChannelContext channel) {
        JsonNode body = JsonBodies.object(request, "id-only notification");
        String notificationId = JsonBodies.requireText(body, "notificationId", "notification");
        List<FetchRef> refs = new ArrayList<>();
        body.path("objects").forEach(id -> refs.add(new FetchRef("object", id.asText(), Map.of(), notificationId)));
        return refs;
    }

    @Override
    public MappingResult fetch(FetchRef ref, ChannelContext channel, Instant receivedAt) {
        URI uri = URI.create(channel.requiredSetting("apiBase") + "/objects/" + ref.objectId());
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new FetchException("GET " + uri.getPath() + " failed: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", true);
        }
        if (response.statusCode() != 200) {
            throw new FetchException("GET " + uri.getPath() + " answered HTTP " + response.statusCode(),
                    response.statusCode() >= 500);
        }
        return MappingResult.of(ChannelEventJson.read(response.body()));
    }

    @Override
    public PollPage poll(ChannelContext channel, Instant changedSince, String pageToken) {
        throw new FetchException("this test system is not polled", false);
    }
}
