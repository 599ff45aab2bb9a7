package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.testing.Golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server (127.0.0.1, port chosen by the OS) that answers eBay's token endpoint and the Fulfillment API's
 * getOrder and getOrders as eBay's reference describes them
 * (https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrder, .../getOrders, and the
 * OpenAPI contract https://developer.ebay.com/api-docs/master/sell/fulfillment/openapi/3/sell_fulfillment_v1_oas3.json):
 * <ul>
 *   <li>Bearer user token required, else 401 with eBay's OAuth error (errorId 1001, "Invalid access token").</li>
 *   <li>getOrder of an unknown order: 404 (the contract documents the status and no error body); a malformed id:
 *       400 errorId 32100 "Invalid order ID".</li>
 *   <li>getOrders: only {@code filter=lastmodifieddate:[<YYYY-MM-DDTHH:MM:SS.SSSZ>..]} with the brackets
 *       percent-encoded (the reference requires it) is accepted, else 400 errorId 30700/30800/30810; limit 1 to 200
 *       (else 31100), offset 0 or more (else 31000), a start not in the future (else 30850); orders modified at or after the time, oldest created first;
 *       the answer carries href, total, limit, offset, next (when there is a next page) and orders.</li>
 *   <li>{@link #throttleNext(int, String)}: the next calls answer 429 with Retry-After and eBay's common
 *       "Too many requests" error (errorId 2001, domain ACCESS: eBay's common REST errors,
 *       https://developer.ebay.com/develop/api/sell/error_codes; the id is from that list as known to the author,
 *       the stored excerpt of the page did not show it). {@link #failNext(int)}: 500 errorId 30500 "System error".</li>
 * </ul>
 * Orders are the {@code fulfillment-getOrder.built-from-docs.json} resource, copied with other ids and dates.
 */
final class EbayFulfillmentStandIn implements AutoCloseable {

    static final String CLIENT_ID = "OmniTest-PRD-0123456789-abcdef01";
    static final String CLIENT_SECRET = "PRD-test-client-secret";
    static final String REFRESH_TOKEN = "v^1.1#i^1#r^1#refresh-token";
    static final String ORDER_FIXTURE = "ebay/fulfillment-getOrder.built-from-docs.json";
    private static final Pattern FILTER = Pattern.compile(
            "lastmodifieddate:\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)\\.\\.]");

    private final HttpServer server;
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile String retryAfter = "2";
    private final AtomicInteger issued = new AtomicInteger();
    private volatile String validToken;
    final List<String> tokenForms = new CopyOnWriteArrayList<>();
    final List<String> rawQueries = new CopyOnWriteArrayList<>();
    final AtomicInteger getOrderCalls = new AtomicInteger();
    final AtomicInteger getOrdersCalls = new AtomicInteger();

    private final Clock clock;

    /** @param clock eBay's "now", against which a start in the future is refused */
    EbayFulfillmentStandIn(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/identity/v1/oauth2/token", this::token);
        server.createContext(EbayFulfillmentClient.ORDER_PATH, this::order);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The documented sample order, as built from eBay's reference. */
    static ObjectNode sampleOrder() {
        try {
            return (ObjectNode) JsonBodies.mapper().readTree(Golden.resource(ORDER_FIXTURE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds (or replaces) an order eBay knows. */
    EbayFulfillmentStandIn put(ObjectNode order) {
        orders.put(order.path("orderId").asText(), order.deepCopy());
        return this;
    }

    /** A copy of the sample order with another id and dates. */
    static ObjectNode orderLike(String orderId, String created, String modified) {
        ObjectNode order = sampleOrder();
        order.put("orderId", orderId).put("creationDate", created).put("lastModifiedDate", modified);
        return order;
    }

    void throttleNext(int calls, String retryAfterSeconds) {
        retryAfter = retryAfterSeconds;
        throttled.set(calls);
    }

    void failNext(int calls) {
        failing.set(calls);
    }

    /** The user token eBay issued last stops working (revoked); the next refresh issues a new one. */
    void revokeIssuedToken() {
        validToken = null;
    }

    int tokenRequests() {
        return tokenForms.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenForms.add(form);
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
            return;
        }
        Map<String, String> fields = form(form);
        if (!"refresh_token".equals(fields.get("grant_type")) || !REFRESH_TOKEN.equals(fields.get("refresh_token"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"the provided authorization grant"
                    + " is invalid\"}");
            return;
        }
        String token = "v^1.1#i^1#f^0#user-token-" + issued.incrementAndGet();
        validToken = token;
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}");
    }

    private void order(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean single = path.startsWith(EbayFulfillmentClient.ORDER_PATH + "/");
        (single ? getOrderCalls : getOrdersCalls).incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (validToken == null || !("Bearer " + validToken).equals(authorization)) {
            error(exchange, 401, 1001, "OAuth", "REQUEST", "Invalid access token");
        } else if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
            error(exchange, 429, 2001, "ACCESS", "REQUEST", "Too many requests. The request limit has been reached for the resource.");
        } else if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 500, 30500, "API_FULFILLMENT", "APPLICATION", "System error");
        } else if (single) {
            getOrder(exchange, URLDecoder.decode(path.substring(EbayFulfillmentClient.ORDER_PATH.length() + 1),
                    StandardCharsets.UTF_8));
        } else {
            getOrders(exchange);
        }
    }

    private void getOrder(HttpExchange exchange, String orderId) throws IOException {
        if (!orderId.matches("[0-9A-Za-z!-]+")) {
            error(exchange, 400, 32100, "API_FULFILLMENT", "REQUEST", "Invalid order ID: " + orderId);
            return;
        }
        ObjectNode order = orders.get(orderId);
        if (order == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        respond(exchange, 200, JsonBodies.mapper().writeValueAsString(order));
    }

    private void getOrders(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        rawQueries.add(raw);
        Map<String, String> query = form(raw == null ? "" : raw);
        String filter = query.get("filter");
        if (filter == null || !filter.startsWith("lastmodifieddate:")) {
            error(exchange, 400, 30700, "API_FULFILLMENT", "REQUEST", "Invalid filter name: " + filter);
            return;
        }
        if (raw.contains("[") || raw.contains("]")) {
            error(exchange, 400, 30800, "API_FULFILLMENT", "REQUEST", "Invalid filter value " + filter
                    + " for filter lastmodifieddate");
            return;
        }
        Matcher matcher = FILTER.matcher(filter);
        if (!matcher.matches()) {
            error(exchange, 400, 30810, "API_FULFILLMENT", "REQUEST", "Invalid date format");
            return;
        }
        Instant from = Instant.parse(matcher.group(1));
        if (from.isAfter(clock.instant())) {
            error(exchange, 400, 30850, "API_FULFILLMENT", "REQUEST", "Start and end dates can't be in the future");
            return;
        }
        int limit = number(query.getOrDefault("limit", "50"));
        int offset = number(query.getOrDefault("offset", "0"));
        if (limit < 1 || limit > 200) {
            error(exchange, 400, 31100, "API_FULFILLMENT", "REQUEST", "Invalid limit: " + query.get("limit"));
            return;
        }
        if (offset < 0) {
            error(exchange, 400, 31000, "API_FULFILLMENT", "REQUEST", "Invalid offset: " + query.get("offset"));
            return;
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode order : orders.values()) {
            if (!Instant.parse(order.path("lastModifiedDate").asText()).isBefore(from)) {
                matching.add(order);
            }
        }
        matching.sort(Comparator.comparing((JsonNode o) -> Instant.parse(o.path("creationDate").asText()))
                .thenComparing(o -> o.path("orderId").asText()));
        ObjectNode page = JsonBodies.mapper().createObjectNode();
        String href = base() + EbayFulfillmentClient.ORDER_PATH + "?" + raw;
        page.put("href", href).put("total", matching.size()).put("limit", limit).put("offset", offset);
        if (offset + limit < matching.size()) {
            page.put("next", base() + EbayFulfillmentClient.ORDER_PATH + "?filter=" + query.get("filter")
                    .replace("[", "%5B").replace("]", "%5D") + "&limit=" + limit + "&offset=" + (offset + limit));
        }
        ArrayNode list = page.putArray("orders");
        matching.stream().skip(offset).limit(limit).forEach(list::add);
        respond(exchange, 200, JsonBodies.mapper().writeValueAsString(page));
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void error(HttpExchange exchange, int status, long errorId, String domain, String category,
                              String message) throws IOException {
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.putArray("errors").addObject().put("errorId", errorId).put("domain", domain).put("category", category)
                .put("message", message);
        respond(exchange, status, JsonBodies.mapper().writeValueAsString(body));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
