package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.omnichannel.connector.spi.JsonBodies;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.omnichannel.connector.testing.Golden.fixture;

/**
 * A local stand-in for Login with Amazon, the Tokens API and the Orders API v0 on 127.0.0.1, answering
 * with the published models' own payloads, read at start from ../shared/fixtures/amazon-sp-api/models:
 * <ul>
 *   <li>order {@value #SANDBOX_ORDER}: the {@code x-amzn-api-sandbox} static TEST_CASE_200 answers of
 *       ordersV0.json for getOrder, getOrderItems, getOrderAddress and getOrderBuyerInfo (one consistent order);</li>
 *   <li>order {@value #PENDING_ORDER}: the getOrder 200 {@code examples} of ordersV0.json (a Pending order);</li>
 *   <li>orderId TEST_CASE_400: the getOrder 400 sandbox answer ({@code {"errors":[{"code":"InvalidInput",...}]}});</li>
 *   <li>createRestrictedDataToken: the 200 sandbox answer of tokens_2021-03-01.json (its RDT, expiresIn 3600).</li>
 * </ul>
 * Successful answers carry {@code x-amzn-RateLimit-Limit} and {@code x-amzn-RequestId}, as the models declare;
 * a 429 carries only {@code x-amzn-RequestId} (ordersV0.json declares no rate-limit header on 429) and the
 * ErrorList body Amazon documents for it (code QuotaExceeded). getOrderAddress and getOrderBuyerInfo answer
 * 403 Unauthorized unless called with the RDT. Scripted statuses ({@link #answerFirst}) come before the real answer.
 */
final class SpApiStandIn implements AutoCloseable {

    static final String SANDBOX_ORDER = "902-1845936-5435065";
    static final String PENDING_ORDER = "902-3159896-1390916";
    static final String ACCESS_TOKEN = "Atza|stand-in-access-token";
    static final String RATE = "0.5";

    private final HttpServer server;
    private final JsonNode orders;
    private final JsonNode tokens;
    final String rdt;
    private volatile String accessToken = ACCESS_TOKEN;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> tokensUsed = new CopyOnWriteArrayList<>();
    final List<String> lwaForms = new CopyOnWriteArrayList<>();
    final List<JsonNode> rdtRequests = new CopyOnWriteArrayList<>();
    final List<byte[]> patches = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    SpApiStandIn() throws IOException {
        orders = JsonBodies.mapper().readTree(fixture("amazon-sp-api", "models/ordersV0.json"));
        tokens = JsonBodies.mapper().readTree(fixture("amazon-sp-api", "models/tokens_2021-03-01.json"));
        rdt = rdtAnswer().path("restrictedDataToken").asText();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/o2/token", this::lwa);
        server.createContext("/tokens/2021-03-01/restrictedDataToken", this::restrictedDataToken);
        server.createContext("/orders/v0/orders/", this::orders);
        server.createContext("/orders/v0/orders", this::getOrders);
        server.createContext("/listings/2021-08-01/items/", this::listings);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    SpApiEndpoints endpoints() {
        return new SpApiEndpoints(base(), URI.create(base() + "/auth/o2/token"));
    }

    /** The next answers of an operation are these statuses, before the real one. */
    void answerFirst(String operation, Integer... statuses) {
        scripted.computeIfAbsent(operation, op -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Amazon stops taking the access token it issued; Login with Amazon now issues another. */
    void revokeAccessToken() {
        accessToken = ACCESS_TOKEN + "-renewed";
    }

    long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    private JsonNode sandbox(String path, String method, String status) {
        return orders.path("paths").path(path).path(method).path("responses").path(status).path("x-amzn-api-sandbox")
                .path("static").path(0).path("response");
    }

    private JsonNode rdtAnswer() {
        return tokens.path("paths").path("/tokens/2021-03-01/restrictedDataToken").path("post").path("responses")
                .path("200").path("x-amzn-api-sandbox").path("static").path(0).path("response");
    }

    private void lwa(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lwaForms.add(form);
        if (!form.contains("grant_type=refresh_token") || !form.contains("client_secret=")) {
            respond(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"grant_type is missing\"}", false);
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"Atzr|kept\","
                + "\"token_type\":\"bearer\",\"expires_in\":3600}", false);
    }

    private void restrictedDataToken(HttpExchange exchange) throws IOException {
        if (scriptedAnswer(exchange, AmazonOrdersClient.CREATE_RDT)) {
            return;
        }
        rdtRequests.add(JsonBodies.mapper().readTree(exchange.getRequestBody().readAllBytes()));
        respond(exchange, 200, rdtAnswer().toString(), true);
    }

    private void orders(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.substring("/orders/v0/orders/".length()).split("/");
        String id = parts[0];
        String sub = parts.length > 1 ? parts[1] : "";
        String operation = switch (sub) {
            case "" -> AmazonOrdersClient.GET_ORDER;
            case "orderItems" -> AmazonOrdersClient.GET_ORDER_ITEMS;
            case "address" -> AmazonOrdersClient.GET_ORDER_ADDRESS;
            case "buyerInfo" -> AmazonOrdersClient.GET_ORDER_BUYER_INFO;
            default -> "unknown";
        };
        if (scriptedAnswer(exchange, operation)) {
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("x-amz-access-token");
        boolean restricted = sub.equals("address") || sub.equals("buyerInfo");
        if (restricted ? !rdt.equals(token) : !accessToken.equals(token)) {
            respond(exchange, 403, "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\","
                    + "\"details\":\"The access token you provided is revoked, malformed or invalid.\"}]}", false);
            return;
        }
        String template = "/orders/v0/orders/{orderId}" + (sub.isEmpty() ? "" : "/" + sub);
        if (id.equals("TEST_CASE_400")) {
            respond(exchange, 400, sandbox(template, "get", "400").toString(), true);
        } else if (id.equals(SANDBOX_ORDER)) {
            respond(exchange, 200, sandbox(template, "get", "200").toString(), true);
        } else if (id.equals(PENDING_ORDER) && sub.isEmpty()) {
            respond(exchange, 200, orders.path("paths").path(template).path("get").path("responses").path("200")
                    .path("examples").path("application/json").toString(), true);
        } else {
            respond(exchange, 404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"The resource specified does not exist.\"}]}", true);
        }
    }

    /**
     * getOrders: the first page is the operation's 200 {@code examples} (one Pending order and a NextToken);
     * the page that token names is its TEST_CASE_200 sandbox answer (two Unshipped orders, no NextToken).
     */
    private void getOrders(HttpExchange exchange) throws IOException {
        if (scriptedAnswer(exchange, AmazonOrdersClient.GET_ORDERS)) {
            return;
        }
        queries.add(exchange.getRequestURI().getRawQuery());
        JsonNode responses = orders.path("paths").path("/orders/v0/orders").path("get").path("responses").path("200");
        JsonNode examplePage = responses.path("examples").path("application/json");
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || !query.contains("MarketplaceIds=")) {
            respond(exchange, 400, sandbox("/orders/v0/orders", "get", "400").toString(), true);
        } else if (query.contains("NextToken=" + examplePage.path("payload").path("NextToken").asText())) {
            respond(exchange, 200, responses.path("x-amzn-api-sandbox").path("static").path(0).path("response").toString(), true);
        } else {
            respond(exchange, 200, examplePage.toString(), true);
        }
    }

    private void listings(HttpExchange exchange) throws IOException {
        calls.add("patchListingsItem " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        patches.add(exchange.getRequestBody().readAllBytes());
        respond(exchange, 200, "{\"sku\":\"GL-AVIATOR-BLK\",\"status\":\"ACCEPTED\",\"submissionId\":\"f1dc2914-75dd-11ea-bc55-0242ac130003\",\"issues\":[]}", true);
    }

    private boolean scriptedAnswer(HttpExchange exchange, String operation) throws IOException {
        calls.add(operation);
        tokensUsed.add(operation + " " + exchange.getRequestHeaders().getFirst("x-amz-access-token"));
        Deque<Integer> queue = scripted.get(operation);
        Integer status = queue == null ? null : queue.poll();
        if (status == null) {
            return false;
        }
        exchange.getRequestBody().readAllBytes();
        if (status == 429) {
            respond(exchange, 429, "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the "
                    + "requested resource.\",\"details\":\"\"}]}", false);
        } else {
            respond(exchange, status, "{\"errors\":[{\"code\":\"InternalFailure\",\"message\":\"We encountered an internal "
                    + "error. Please try again.\",\"details\":\"\"}]}", false);
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String json, boolean rateHeader) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "b2d8a4c3-0c5e-4b6a-9f1e-5d0b8f6e7a21");
        if (rateHeader) {
            exchange.getResponseHeaders().set("x-amzn-RateLimit-Limit", RATE);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
