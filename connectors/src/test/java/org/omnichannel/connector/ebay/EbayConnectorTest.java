package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.fixture;
import static org.omnichannel.connector.testing.Golden.post;

/** Against a local HTTP server that answers eBay's token and getPublicKey operations as eBay documents them. */
class EbayConnectorTest {

    private static final String SDK_KID = "9936261a-7d7b-4621-a0f1-96ccb428af49";
    private static final String CLIENT_ID = "OmniTest-PRD-0123456789-abcdef01";
    private static final String CLIENT_SECRET = "PRD-test-client-secret";
    private static final String APP_TOKEN = "v^1.1#i^1#test-application-token";
    private static final String USER_TOKEN = "v^1.1#i^1#test-user-token";

    private HttpServer server;
    private final Map<String, String> keysByKid = new ConcurrentHashMap<>();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> tokenForms = new CopyOnWriteArrayList<>();
    private volatile int keyStatus = 200;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private EbayConnector connector;
    private final ChannelContext channel = new ChannelContext("ebay-us", ChannelKind.MARKETPLACE, "ebay",
            Map.of("endpointUrl", "http://www.testendpoint.com/webhook"),
            Secrets.of("ebay-us", Map.of("verificationToken", "71745723-d031-455c-bfa5-f90d11b4f20a",
                    "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET, "refreshToken", "v^1.1#r^1#refresh")));

    @BeforeEach
    void start() throws IOException {
        keysByKid.put(SDK_KID, ebayStylePem());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/identity/v1/oauth2/token", this::token);
        server.createContext("/commerce/notification/v1/public_key/", this::publicKey);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        HttpClient http = HttpClient.newHttpClient();
        EbayOAuthTokens tokens = new EbayOAuthTokens(http, base, clock);
        connector = new EbayConnector(new CachingEbayPublicKeys(new HttpEbayPublicKeys(http, tokens, base),
                Duration.ofHours(1), Duration.ofMinutes(1), clock), tokens);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("ebay")).isInstanceOf(EbayConnector.class);
    }

    @Test
    void answers_the_endpoint_challenge_as_the_sdk_test_computes_it() {
        InboundRequest get = new InboundRequest("GET", "/webhooks/ebay-us", Map.of(),
                Map.of("challenge_code", List.of("71745723-d031-455c-bfa5-f90d11b4f20a")), null, RECEIVED_AT);

        ConnectorResponse answer = connector.handshake(get, channel).orElseThrow();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        // The value ../shared/fixtures/ebay/SPEC.md computed, and `sha256sum` agrees.
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"challengeResponse\":\"048de9ffd0e35021fefc0388d5c52e0f475324f582f3778ca81a53354ccbbc97\"}");
        assertThat(connector.handshake(signedVector(), channel)).isEmpty();
    }

    @Test
    void accepts_the_ebay_sdk_test_vector_with_the_key_fetched_by_kid() {
        assertThat(connector.verify(signedVector(), channel).isVerified()).isTrue();
        assertThat(keyFetches).hasValue(1);
        assertThat(tokenForms).containsExactly("grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope");
    }

    @Test
    void rejects_the_sdk_signature_mismatch_case_and_a_tampered_body() {
        InboundRequest mismatch = post("/", headers("MARKETPLACE_ACCOUNT_DELETION.NEGATIVE-signature-mismatch.headers.json"),
                fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"));
        byte[] tamperedBody = new String(fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"), StandardCharsets.UTF_8)
                .replace("ma8vp1jySJC", "ma8vp1jySJD").getBytes(StandardCharsets.UTF_8);
        InboundRequest tampered = post("/", headers("MARKETPLACE_ACCOUNT_DELETION.headers.json"), tamperedBody);

        assertThat(connector.verify(mismatch, channel)).isEqualTo(Verification.rejected("X-EBAY-SIGNATURE does not match the body"));
        assertThat(connector.verify(tampered, channel)).isEqualTo(Verification.rejected("X-EBAY-SIGNATURE does not match the body"));
    }

    @Test
    void verifies_a_pretty_printed_delivery_over_its_compact_form_as_the_sdk_does() throws IOException {
        JsonNode tree = JsonBodies.mapper().readTree(fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"));
        byte[] pretty = JsonBodies.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);

        assertThat(connector.verify(post("/", headers("MARKETPLACE_ACCOUNT_DELETION.headers.json"), pretty), channel)
                .isVerified()).isTrue();
    }

    @Test
    void caches_the_key_so_a_burst_costs_one_fetch_and_one_token() {
        for (int i = 0; i < 5; i++) {
            assertThat(connector.verify(signedVector(), channel).isVerified()).isTrue();
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(connector.verify(signedVector(), channel).isVerified()).isTrue();

        assertThat(keyFetches).as("one fetch, then one after the hour").hasValue(2);
        assertThat(tokenRequests).as("the application token lasts two hours").hasValue(1);
    }

    @Test
    void an_unknown_kid_is_rejected_then_fetched_again_once_ebay_rotates_it_in() {
        keysByKid.clear();
        assertThat(connector.verify(signedVector(), channel))
                .isEqualTo(Verification.rejected("X-EBAY-SIGNATURE names kid '" + SDK_KID + "', which eBay does not know"));
        assertThat(connector.verify(signedVector(), channel).isVerified()).isFalse();
        assertThat(keyFetches).as("an unknown kid is remembered for a minute").hasValue(1);

        keysByKid.put(SDK_KID, ebayStylePem());
        clock.advance(Duration.ofSeconds(61));

        assertThat(connector.verify(signedVector(), channel).isVerified()).isTrue();
        assertThat(keyFetches).hasValue(2);
    }

    @Test
    void a_key_that_cannot_be_fetched_is_an_error_to_retry_not_a_rejection() {
        keyStatus = 503;

        assertThatThrownBy(() -> connector.verify(signedVector(), channel)).isInstanceOf(EbayApiException.class)
                .hasMessage("eBay getPublicKey " + SDK_KID + " answered HTTP 503");
        keyStatus = 200;
        assertThat(connector.verify(signedVector(), channel).isVerified()).as("a failure is not cached").isTrue();
    }

    @Test
    void rejects_headers_that_are_not_ebay_signatures() {
        byte[] body = fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json");
        String sha512 = Base64.getEncoder().encodeToString(("{\"alg\":\"ecdsa\",\"kid\":\"" + SDK_KID
                + "\",\"signature\":\"MEUCIQ==\",\"digest\":\"SHA512\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(connector.verify(post("/", Map.of(), body), channel)).isEqualTo(Verification.rejected("missing X-EBAY-SIGNATURE header"));
        assertThat(connector.verify(post("/", Map.of("X-EBAY-SIGNATURE", "%%%"), body), channel).isVerified()).isFalse();
        assertThat(connector.verify(post("/", Map.of("X-EBAY-SIGNATURE", sha512), body), channel))
                .isEqualTo(Verification.rejected("X-EBAY-SIGNATURE digest 'SHA512' is not SHA1 or SHA256"));
        assertThat(keyFetches).hasValue(0);
    }

    @Test
    void maps_an_account_deletion_to_its_golden_erase_request() {
        MappingResult result = connector.map(signedVector(), channel);

        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), "ebay/golden/MARKETPLACE_ACCOUNT_DELETION.json");
    }

    @Test
    void reports_other_topics_as_unsupported() {
        String other = new String(fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"), StandardCharsets.UTF_8)
                .replace("MARKETPLACE_ACCOUNT_DELETION", "ITEM_SOLD");

        MappingResult result = connector.map(post("/", Map.of(), other.getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.skipped().get(0).detail()).isEqualTo("ebay topic 'ITEM_SOLD' (notification "
                + "49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d) is not mapped; mapped topics: "
                + "MARKETPLACE_ACCOUNT_DELETION");
    }

    @Test
    void builds_bulk_update_price_quantity_with_a_refreshed_user_token_and_coalesced_skus() throws IOException {
        List<OutboundRequest> requests = connector.outbound(new OutboundMessage.StockLevel("OMNI-OB-1", "ebay-us",
                "GL-AVIATOR-BLK", null, null, new BigDecimal("7")), channel);
        OutboundRequest batch = EbayOutbound.stock(List.of(
                level("1", "GL-AVIATOR-BLK", "7"), level("2", "GL-ROUND-TOR", "-2"), level("3", "GL-AVIATOR-BLK", "5")),
                channel, USER_TOKEN);

        assertThat(requests).hasSize(1);
        OutboundRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/sell/inventory/v1/bulk_update_price_quantity");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer " + USER_TOKEN)
                .containsEntry("Content-Type", "application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"requests\":[{\"sku\":\"GL-AVIATOR-BLK\",\"shipToLocationAvailability\":{\"quantity\":7}}]}");
        assertThat(tokenForms).containsExactly("grant_type=refresh_token&refresh_token=v%5E1.1%23r%5E1%23refresh"
                + "&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.inventory");
        assertThat(batch.uri()).isEqualTo(URI.create("https://api.ebay.com/sell/inventory/v1/bulk_update_price_quantity"));
        assertThat(new String(batch.body(), StandardCharsets.UTF_8)).isEqualTo("{\"requests\":["
                + "{\"sku\":\"GL-ROUND-TOR\",\"shipToLocationAvailability\":{\"quantity\":0}},"
                + "{\"sku\":\"GL-AVIATOR-BLK\",\"shipToLocationAvailability\":{\"quantity\":5}}]}");
        assertThatThrownBy(() -> EbayOutbound.stock(List.of(level("4", "GL-X", "1.5")), channel, USER_TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stock level 4: eBay takes whole units, got 1.5");
    }

    private static OutboundMessage.StockLevel level(String id, String sku, String quantity) {
        return new OutboundMessage.StockLevel(id, "ebay-us", sku, null, null, new BigDecimal(quantity));
    }

    private static InboundRequest signedVector() {
        return post("/webhooks/ebay-us", headers("MARKETPLACE_ACCOUNT_DELETION.headers.json"),
                fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"));
    }

    private static Map<String, String> headers(String file) {
        try {
            JsonNode tree = JsonBodies.mapper().readTree(fixture("ebay", file));
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            tree.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            headers.put("Content-Type", "application/json");
            return headers;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SDK's test key as eBay's getPublicKey returns keys: the PEM without line breaks. */
    private static String ebayStylePem() {
        return new String(fixture("ebay", "ebay-sdk-test-public-key.pem"), StandardCharsets.US_ASCII).replace("\n", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.incrementAndGet();
        tokenForms.add(form);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
        } else if (form.startsWith("grant_type=client_credentials")) {
            respond(exchange, 200, "{\"access_token\":\"" + APP_TOKEN + "\",\"expires_in\":7200,\"token_type\":\"Application Access Token\"}");
        } else {
            respond(exchange, 200, "{\"access_token\":\"" + USER_TOKEN + "\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}");
        }
    }

    private void publicKey(HttpExchange exchange) throws IOException {
        keyFetches.incrementAndGet();
        String kid = exchange.getRequestURI().getPath().substring("/commerce/notification/v1/public_key/".length());
        if (!("Bearer " + APP_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"errors\":[{\"errorId\":1001,\"domain\":\"OAuth\",\"category\":\"REQUEST\","
                    + "\"message\":\"Invalid access token\"}]}");
        } else if (keyStatus != 200) {
            respond(exchange, keyStatus, "{\"errors\":[{\"errorId\":195000,\"domain\":\"API_NOTIFICATION\","
                    + "\"category\":\"APPLICATION\",\"message\":\"There was a problem with an eBay internal system or process.\"}]}");
        } else if (!keysByKid.containsKey(kid)) {
            respond(exchange, 404, "{\"errors\":[{\"errorId\":195001,\"domain\":\"API_NOTIFICATION\","
                    + "\"category\":\"REQUEST\",\"message\":\"The specified public key ID is not found.\"}]}");
        } else {
            respond(exchange, 200, "{\"algorithm\":\"ECDSA\",\"digest\":\"SHA1\",\"key\":\"" + keysByKid.get(kid) + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A clock the test moves forward, so cache expiry is tested without waiting. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
