package org.omnichannel.hub.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.omnichannel.connector.spi.JsonBodies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Login with Amazon, the Tokens API and the Orders API v0 on 127.0.0.1 for the hub's tests, answering with
 * the published models' own payloads (../shared/fixtures/amazon-sp-api/models, from
 * amzn/selling-partner-api-models): like the connector tests' stand-in, and for any order id:
 * <ul>
 *   <li>{@value #PENDING_ORDER}: getOrder's 200 {@code examples} of ordersV0.json (a Pending order);</li>
 *   <li>ids starting {@code 999-}: 404 NotFound, as Amazon answers an order it does not know;</li>
 *   <li>any other 3-7-7 id: the {@code x-amzn-api-sandbox} TEST_CASE_200 answers of getOrder, getOrderItems,
 *       getOrderAddress and getOrderBuyerInfo (one consistent order, {@value #SANDBOX_ORDER}) with its id
 *       replaced by the one asked for, so a load of distinct orders can be fetched;</li>
 *   <li>getOrders: the operation's 200 {@code examples} (a Pending order and a NextToken), then for that token its
 *       sandbox answer (two Unshipped orders, {@value #SANDBOX_ORDER} among them).</li>
 * </ul>
 * Answers carry {@code x-amzn-RateLimit-Limit} (the models' 0.5 unless told otherwise, as a seller with a raised
 * plan would see) and {@code x-amzn-RequestId}; a 429 carries Amazon's QuotaExceeded error body. Scripted statuses
 * ({@link #answerFirst}) come before the real answers; 299 stands for a 200 whose body is an HTML page.
 */
public final class OrdersApiStandIn implements AutoCloseable {

    public static final String SANDBOX_ORDER = "902-1845936-5435065";
    public static final String PENDING_ORDER = "902-3159896-1390916";
    public static final String LWA = "lwa";
    private static final String ACCESS_TOKEN = "Atza|hub-stand-in";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final JsonNode orders;
    private final String rdtAnswer;
    private final String rdt;
    private volatile String rateLimit = "0.5";
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> getOrderCalls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    /** getOrders query strings, in order. */
    public final List<String> getOrdersQueries = new CopyOnWriteArrayList<>();

    public OrdersApiStandIn() {
        Path models = Path.of(System.getProperty("omni.fixtures", "../../shared/fixtures"), "amazon-sp-api", "models");
        try {
            orders = JsonBodies.mapper().readTree(Files.readAllBytes(models.resolve("ordersV0.json")));
            JsonNode tokens = JsonBodies.mapper().readTree(Files.readAllBytes(models.resolve("tokens_2021-03-01.json")));
            JsonNode answer = tokens.path("paths").path("/tokens/2021-03-01/restrictedDataToken").path("post")
                    .path("responses").path("200").path("x-amzn-api-sandbox").path("static").path(0).path("response");
            rdtAnswer = answer.toString();
            rdt = answer.path("restrictedDataToken").asText();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/auth/o2/token", this::lwa);
        server.createContext("/tokens/2021-03-01/restrictedDataToken", this::restrictedDataToken);
        server.createContext("/orders/v0/orders/", this::order);
        server.createContext("/orders/v0/orders", this::getOrders);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI lwaEndpoint() {
        return URI.create(base() + "/auth/o2/token");
    }

    /** The rate the answers state in x-amzn-RateLimit-Limit. */
    public void rateLimit(String requestsPerSecond) {
        this.rateLimit = requestsPerSecond;
    }

    /** The next answers of an operation ({@value #LWA} for Login with Amazon) are these statuses, then the real one. */
    public void answerFirst(String operation, Integer... statuses) {
        scripted.computeIfAbsent(operation, op -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Calls answered so far (scripted failures included), by operation. */
    public Map<String, Integer> calls() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }

    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** getOrder calls for one order. */
    public int getOrderCalls(String orderId) {
        AtomicInteger count = getOrderCalls.get(orderId);
        return count == null ? 0 : count.get();
    }

    private void lwa(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (scriptedAnswer(exchange, LWA)) {
            return;
        }
        if (!form.contains("grant_type=refresh_token") || !form.contains("client_secret=")) {
            respond(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"grant_type is missing\"}", false);
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"Atzr|kept\","
                + "\"token_type\":\"bearer\",\"expires_in\":3600}", false);
    }

    private void restrictedDataToken(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (scriptedAnswer(exchange, "createRestrictedDataToken")) {
            return;
        }
        respond(exchange, 200, rdtAnswer, true);
    }

    private void order(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring("/orders/v0/orders/".length()).split("/");
        String id = parts[0];
        String sub = parts.length > 1 ? parts[1] : "";
        String operation = switch (sub) {
            case "" -> "getOrder";
            case "orderItems" -> "getOrderItems";
            case "address" -> "getOrderAddress";
            case "buyerInfo" -> "getOrderBuyerInfo";
            default -> "unknown";
        };
        if (operation.equals("getOrder")) {
            getOrderCalls.computeIfAbsent(id, o -> new AtomicInteger()).incrementAndGet();
        }
        if (scriptedAnswer(exchange, operation)) {
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("x-amz-access-token");
        boolean restricted = sub.equals("address") || sub.equals("buyerInfo");
        if (restricted ? !rdt.equals(token) : !ACCESS_TOKEN.equals(token)) {
            respond(exchange, 403, "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\","
                    + "\"details\":\"The access token you provided is revoked, malformed or invalid.\"}]}", false);
            return;
        }
        String template = "/orders/v0/orders/{orderId}" + (sub.isEmpty() ? "" : "/" + sub);
        JsonNode responses = orders.path("paths").path(template).path("get").path("responses");
        if (id.startsWith("999-")) {
            respond(exchange, 404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"The resource specified does not exist.\"}]}", true);
        } else if (id.equals(PENDING_ORDER) && sub.isEmpty()) {
            respond(exchange, 200, responses.path("200").path("examples").path("application/json").toString(), true);
        } else {
            String sandbox = responses.path("200").path("x-amzn-api-sandbox").path("static").path(0).path("response").toString();
            respond(exchange, 200, sandbox.replace(SANDBOX_ORDER, id), true);
        }
    }

    private void getOrders(HttpExchange exchange) throws IOException {
        if (scriptedAnswer(exchange, "getOrders")) {
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        getOrdersQueries.add(query);
        JsonNode responses = orders.path("paths").path("/orders/v0/orders").path("get").path("responses");
        JsonNode examplePage = responses.path("200").path("examples").path("application/json");
        if (query == null || !query.contains("MarketplaceIds=")) {
            respond(exchange, 400, responses.path("400").path("x-amzn-api-sandbox").path("static").path(0).path("response")
                    .toString(), true);
        } else if (query.contains("NextToken=" + examplePage.path("payload").path("NextToken").asText())) {
            respond(exchange, 200, responses.path("200").path("x-amzn-api-sandbox").path("static").path(0).path("response")
                    .toString(), true);
        } else {
            respond(exchange, 200, examplePage.toString(), true);
        }
    }

    private boolean scriptedAnswer(HttpExchange exchange, String operation) throws IOException {
        calls.computeIfAbsent(operation, op -> new AtomicInteger()).incrementAndGet();
        Deque<Integer> queue = scripted.get(operation);
        Integer status;
        synchronized (this) {
            status = queue == null ? null : queue.poll();
        }
        if (status == null) {
            return false;
        }
        if (status == 299) {
            // A 200 whose body is no JSON: what a proxy's maintenance page looks like to the client.
            byte[] page = "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        } else if (status == 429) {
            respond(exchange, 429, "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the "
                    + "requested resource.\",\"details\":\"\"}]}", false);
        } else {
            respond(exchange, status, "{\"errors\":[{\"code\":\"InternalFailure\",\"message\":\"We encountered an internal "
                    + "error. Please try again.\",\"details\":\"\"}]}", false);
        }
        return true;
    }

    private void respond(HttpExchange exchange, int status, String json, boolean rateHeader) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "b2d8a4c3-0c5e-4b6a-9f1e-5d0b8f6e7a21");
        if (rateHeader) {
            exchange.getResponseHeaders().set("x-amzn-RateLimit-Limit", rateLimit);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
