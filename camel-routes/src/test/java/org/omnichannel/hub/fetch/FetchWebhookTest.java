package org.omnichannel.hub.fetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.TopicReader;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.hub.fetch.AmazonHub.await;

/**
 * Webhook ingress of a system whose webhooks only name objects ({@link IdOnlyConnector}, Clover-style): the
 * references are queued on omni.fetch before the 2xx, and the fetch consumer publishes the fetched objects.
 */
class FetchWebhookTest {

    private static final String SECRET = "id-only-test-secret";
    private static final String CHANNEL = "crm-ids";

    @TempDir
    static Path dir;
    private static HttpServer api;
    private static final Map<String, ChannelEvent> objects = new ConcurrentHashMap<>();
    private static HubUnderTest hub;

    @BeforeAll
    static void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/objects/", exchange -> {
            ChannelEvent object = objects.get(exchange.getRequestURI().getPath().substring("/objects/".length()));
            byte[] body = object == null ? "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8)
                    : ChannelEventJson.toBytes(object);
            exchange.sendResponseHeaders(object == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        Path secret = dir.resolve("id-only.secret");
        Files.writeString(secret, SECRET + "\n");
        HubUnderTest.writeChannels(dir, """
                channels:
                  - id: %s
                    system: %s
                    kind: OWN_ECOMMERCE
                    settings:
                      apiBase: http://127.0.0.1:%d
                    secrets:
                      webhookSecret: file:%s
                """.formatted(CHANNEL, IdOnlyConnector.SYSTEM, api.getAddress().getPort(), secret));
        hub = HubUnderTest.start(dir, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        api.stop(0);
    }

    @Test
    void queues_what_a_verified_webhook_names_before_answering_and_publishes_the_fetched_objects() {
        ChannelEvent first = GenericWebhooks.visit(CHANNEL, "object-1", "first@example.com");
        ChannelEvent second = GenericWebhooks.visit(CHANNEL, "object-2", "second@example.com");
        objects.put("object-1", first);
        objects.put("object-2", second);
        byte[] body = "{\"notificationId\":\"webhook-1\",\"objects\":[\"object-1\",\"object-2\"]}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body, sign(body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TopicReader.readAll(hub.bootstrapServers(), FetchTopics.FETCH, r -> r.key().startsWith(CHANNEL + ":")))
                .as("on omni.fetch when the 202 was sent").extracting(r -> r.key())
                .containsExactlyInAnyOrder(CHANNEL + ":object:object-1", CHANNEL + ":object:object-2");
        await("both objects are fetched and published", () -> inbound(first.eventId()).size() == 1
                && inbound(second.eventId()).size() == 1);
        assertThat(ChannelEventJson.read(inbound(first.eventId()).get(0)).payload()).isEqualTo(first.payload());
    }

    @Test
    void a_tampered_webhook_is_refused_and_queues_nothing() {
        byte[] body = "{\"notificationId\":\"webhook-2\",\"objects\":[\"object-9\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"notificationId\":\"webhook-2\",\"objects\":[\"object-8\"]}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body, sign(other));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TopicReader.readAll(hub.bootstrapServers(), FetchTopics.FETCH, r -> r.key().endsWith("object-9"))).isEmpty();
    }

    private static List<byte[]> inbound(String eventId) {
        return TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND,
                r -> eventId.equals(KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID))).stream().map(r -> r.value()).toList();
    }

    private static String sign(byte[] body) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(SECRET, body));
    }

    private static HttpResponse<String> post(byte[] body, String signature) {
        return GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/webhooks/" + CHANNEL))
                .header("Content-Type", "application/json").header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
