package org.omnichannel.hub.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * One local HTTP server on 127.0.0.1 answering as three vendors' published APIs do, for the hub's pushes:
 * <ul>
 *   <li><b>Shopify</b> {@code POST /admin/api/2025-07/inventory_levels/set.json} with {@code X-Shopify-Access-Token}:
 *       200 {@code {"inventory_level": {inventory_item_id, location_id, available, updated_at, admin_graphql_api_id}}}
 *       (the SDK's recorded answer, ../shared/fixtures/shopify/inventory_levels.rest-resource.json, with the levels
 *       sent) and {@code X-Shopify-Shop-Api-Call-Limit}; a 429 carries {@code Retry-After} and
 *       {@code {"errors":"Exceeded 2 calls per second for api client. ..."}}
 *       (https://shopify.dev/docs/api/admin-rest/usage/rate-limits).</li>
 *   <li><b>Login with Amazon</b> {@code POST /auth/o2/token} (refresh_token grant) and <b>SP-API</b>
 *       {@code PATCH /listings/2021-08-01/items/{sellerId}/{sku}?marketplaceIds=} with {@code x-amz-access-token}:
 *       200 {@code ListingsItemSubmissionResponse} {@code {"sku","status":"ACCEPTED","submissionId","issues":[]}}
 *       with {@code x-amzn-RateLimit-Limit} and {@code x-amzn-RequestId}; errors as {@code ErrorList}
 *       {@code {"errors":[{"code","message","details"}]}}
 *       (https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference#patchlistingsitem).</li>
 *   <li><b>eBay</b> {@code POST /identity/v1/oauth2/token} (Basic client id:secret, refresh_token grant, scope
 *       sell.inventory) and {@code POST /sell/inventory/v1/bulk_update_price_quantity} with a Bearer user token:
 *       200 {@code BulkPriceQuantityResponse} {@code {"responses":[{"sku","statusCode":200}]}}
 *       (https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/bulkUpdatePriceQuantity,
 *       https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html).</li>
 * </ul>
 * Wrong credentials are answered 401 as the vendors do. {@link #answerNext} scripts answers ahead of the real one.
 */
final class VendorStandIn implements AutoCloseable {

    static final String SHOPIFY_TOKEN = "shpat_stand_in_admin_token";
    static final String LWA_ACCESS_TOKEN = "Atza|stand-in-lwa-access";
    static final String LWA_CLIENT_ID = "amzn1.application-oa2-client.standin";
    static final String LWA_CLIENT_SECRET = "lwa-stand-in-secret";
    static final String LWA_REFRESH_TOKEN = "Atzr|stand-in-refresh";
    static final String EBAY_CLIENT_ID = "OmniHub-standin-PRD-1234";
    static final String EBAY_CLIENT_SECRET = "PRD-ebay-stand-in-secret";
    static final String EBAY_REFRESH_TOKEN = "v^1.1#i^1#r^1#stand-in-refresh";
    static final String EBAY_USER_TOKEN = "v^1.1#i^1#p^3#stand-in-user-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the stand-in received. */
    record Received(String vendor, String method, String target, Map<String, String> headers, String body, long atNanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A scripted answer. */
    record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
    private final JsonNode shopifyLevel;

    private VendorStandIn(HttpServer server, JsonNode shopifyLevel) {
        this.server = server;
        this.shopifyLevel = shopifyLevel;
    }

    static VendorStandIn start() throws IOException {
        Path fixtures = Path.of(System.getProperty("omni.fixtures", "../../shared/fixtures"));
        JsonNode level = JSON.readTree(Files.readAllBytes(fixtures.resolve("shopify/inventory_levels.rest-resource.json")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        VendorStandIn standIn = new VendorStandIn(server, level);
        server.createContext("/admin/api/", standIn::shopify);
        server.createContext("/auth/o2/token", standIn::lwa);
        server.createContext("/listings/2021-08-01/items/", standIn::listings);
        server.createContext("/identity/v1/oauth2/token", standIn::ebayToken);
        server.createContext("/sell/inventory/v1/bulk_update_price_quantity", standIn::ebayBulk);
        server.start();
        return standIn;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to this vendor ("shopify", "amazon", "ebay") are answered so, before the real answer. */
    synchronized void answerNext(String vendor, int status, Map<String, String> headers, String body) {
        scripted.computeIfAbsent(vendor, v -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
    }

    synchronized List<Received> received(String vendor) {
        return received.stream().filter(r -> r.vendor().equals(vendor)).toList();
    }

    /** Waits until {@code count} requests match; returns them (fewer on timeout). */
    synchronized List<Received> await(Predicate<Received> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(match).toList();
            long left = deadline - System.nanoTime();
            if (matching.size() >= count || left <= 0) {
                return matching;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void shopify(HttpExchange exchange) throws IOException {
        Received request = record(exchange, "shopify");
        if (scriptedAnswer(exchange, "shopify")) {
            return;
        }
        if (!SHOPIFY_TOKEN.equals(request.headers().get("x-shopify-access-token"))) {
            respond(exchange, 401, Map.of(), "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
            return;
        }
        if (!request.method().equals("POST") || !request.target().equals("/admin/api/2025-07/inventory_levels/set.json")) {
            respond(exchange, 404, Map.of(), "{\"errors\":\"Not Found\"}");
            return;
        }
        JsonNode sent = request.json();
        ObjectNode level = shopifyLevel.deepCopy();
        level.set("inventory_item_id", sent.get("inventory_item_id"));
        level.set("location_id", sent.get("location_id"));
        level.set("available", sent.get("available"));
        level.put("admin_graphql_api_id", "gid://shopify/InventoryLevel/" + sent.path("location_id").asText()
                + "?inventory_item_id=" + sent.path("inventory_item_id").asText());
        ObjectNode answer = JSON.createObjectNode();
        answer.set("inventory_level", level);
        respond(exchange, 200, Map.of("X-Shopify-Shop-Api-Call-Limit", "1/40"), answer.toString());
    }

    private void lwa(HttpExchange exchange) throws IOException {
        Received request = record(exchange, "lwa");
        Map<String, String> form = form(request.body());
        if (!"refresh_token".equals(form.get("grant_type")) || !LWA_REFRESH_TOKEN.equals(form.get("refresh_token"))
                || !LWA_CLIENT_ID.equals(form.get("client_id")) || !LWA_CLIENT_SECRET.equals(form.get("client_secret"))) {
            respond(exchange, 400, Map.of(), "{\"error_description\":\"The request has an invalid grant parameter : refresh_token\","
                    + "\"error\":\"invalid_grant\"}");
            return;
        }
        respond(exchange, 200, Map.of(), "{\"access_token\":\"" + LWA_ACCESS_TOKEN + "\",\"refresh_token\":\"" + LWA_REFRESH_TOKEN
                + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    }

    private void listings(HttpExchange exchange) throws IOException {
        Received request = record(exchange, "amazon");
        if (scriptedAnswer(exchange, "amazon")) {
            return;
        }
        Map<String, String> rate = Map.of("x-amzn-RateLimit-Limit", "5.0", "x-amzn-RequestId", "c9a6e0b1-7b2e-4a4b-9f3e-2d1c0b9a8f76");
        if (!LWA_ACCESS_TOKEN.equals(request.headers().get("x-amz-access-token"))) {
            respond(exchange, 403, rate, "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is "
                    + "denied.\",\"details\":\"The access token you provided is revoked, malformed or invalid.\"}]}");
            return;
        }
        if (!request.method().equals("PATCH") || !request.target().contains("?marketplaceIds=")) {
            respond(exchange, 400, rate, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Request has missing or invalid "
                    + "parameters and cannot be parsed.\",\"details\":\"\"}]}");
            return;
        }
        String path = request.target().substring(0, request.target().indexOf('?'));
        String sku = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        respond(exchange, 200, rate, JSON.createObjectNode().put("sku", sku).put("status", "ACCEPTED")
                .put("submissionId", java.util.UUID.nameUUIDFromBytes(request.body().getBytes(StandardCharsets.UTF_8)).toString())
                .set("issues", JSON.createArrayNode()).toString());
    }

    private void ebayToken(HttpExchange exchange) throws IOException {
        Received request = record(exchange, "ebay-oauth");
        String basic = "Basic " + Base64.getEncoder().encodeToString((EBAY_CLIENT_ID + ":" + EBAY_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(request.body());
        if (!basic.equals(request.headers().get("authorization"))) {
            respond(exchange, 401, Map.of(), "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
            return;
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !EBAY_REFRESH_TOKEN.equals(form.get("refresh_token"))) {
            respond(exchange, 400, Map.of(), "{\"error\":\"invalid_grant\",\"error_description\":\"the provided authorization "
                    + "refresh token is invalid or was issued to another client\"}");
            return;
        }
        respond(exchange, 200, Map.of(), "{\"access_token\":\"" + EBAY_USER_TOKEN + "\",\"expires_in\":7200,"
                + "\"token_type\":\"User Access Token\"}");
    }

    private void ebayBulk(HttpExchange exchange) throws IOException {
        Received request = record(exchange, "ebay");
        if (scriptedAnswer(exchange, "ebay")) {
            return;
        }
        if (!("Bearer " + EBAY_USER_TOKEN).equals(request.headers().get("authorization"))) {
            respond(exchange, 401, Map.of(), "{\"errors\":[{\"errorId\":1001,\"domain\":\"OAuth\",\"category\":\"REQUEST\","
                    + "\"message\":\"Invalid access token\",\"longMessage\":\"Invalid access token. Check the value of the "
                    + "Authorization HTTP request header.\"}]}");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode responses = answer.putArray("responses");
        request.json().path("requests").forEach(sku -> responses.addObject().put("statusCode", 200)
                .put("sku", sku.path("sku").asText()));
        respond(exchange, 200, Map.of(), answer.toString());
    }

    private Received record(HttpExchange exchange, String vendor) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Received request = new Received(vendor, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
        synchronized (this) {
            received.add(request);
            notifyAll();
        }
        return request;
    }

    private boolean scriptedAnswer(HttpExchange exchange, String vendor) throws IOException {
        Scripted next;
        synchronized (this) {
            Deque<Scripted> queue = scripted.get(vendor);
            next = queue == null ? null : queue.poll();
        }
        if (next == null) {
            return false;
        }
        respond(exchange, next.status(), next.headers(), next.body());
        return true;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
