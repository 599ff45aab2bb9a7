package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The Orders API v0 operations the connector needs, and the Tokens API's createRestrictedDataToken, over
 * {@code java.net.http} (models: amzn/selling-partner-api-models {@code models/orders-api-model/ordersV0.json}
 * and {@code models/tokens-api-model/tokens_2021-03-01.json}, copied in ../shared/fixtures/amazon-sp-api/models).
 *
 * <ul>
 *   <li>Every call carries {@code x-amz-access-token}: the LWA access token ({@link LwaTokens}), or for the
 *       restricted operations getOrderAddress and getOrderBuyerInfo a Restricted Data Token.</li>
 *   <li>Each operation has its own token bucket ({@link SpApiThrottle}) fed by {@code x-amzn-RateLimit-Limit};
 *       a call waits for its token first.</li>
 *   <li>429 (QuotaExceeded) and 5xx are retried with exponential back-off (from one token's time at the stated
 *       rate, at least {@value #BACKOFF_START_MS} ms, doubling up to {@value #BACKOFF_MAX_MS} ms), up to {@code maxAttempts}
 *       calls; then a retryable {@link SpApiException}. A 403 to a call made with the cached LWA token is tried
 *       once more with a fresh token (the cached one may have been revoked). Other 4xx are not retried: the exception carries
 *       Amazon's {@code errors[].code} and {@code message}.</li>
 * </ul>
 * Thread-safe. {@link #calls()} counts the calls made per operation (for the figures in docs/marketplaces.md).
 */
public final class AmazonOrdersClient {

    static final String GET_ORDERS = "getOrders";
    static final String GET_ORDER = "getOrder";
    static final String GET_ORDER_ITEMS = "getOrderItems";
    static final String GET_ORDER_ADDRESS = "getOrderAddress";
    static final String GET_ORDER_BUYER_INFO = "getOrderBuyerInfo";
    static final String CREATE_RDT = "createRestrictedDataToken";
    static final long BACKOFF_START_MS = 1000;
    static final long BACKOFF_MAX_MS = 32_000;
    private static final int MAX_PAGES = 50;

    /** Default usage plans as ordersV0.json and tokens_2021-03-01.json publish them. */
    static final Map<String, SpApiThrottle.Plan> PUBLISHED_PLANS = Map.of(
            GET_ORDERS, new SpApiThrottle.Plan(0.0167, 20),
            GET_ORDER, new SpApiThrottle.Plan(0.5, 30),
            GET_ORDER_ITEMS, new SpApiThrottle.Plan(0.5, 30),
            GET_ORDER_ADDRESS, new SpApiThrottle.Plan(0.5, 30),
            GET_ORDER_BUYER_INFO, new SpApiThrottle.Plan(0.5, 30),
            CREATE_RDT, new SpApiThrottle.Plan(1, 10));

    private final HttpClient http;
    private final LwaTokens lwa;
    private final Function<ChannelContext, SpApiEndpoints> endpoints;
    private final SpApiThrottle throttle;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public AmazonOrdersClient(HttpClient http, LwaTokens lwa, Function<ChannelContext, SpApiEndpoints> endpoints,
                              Clock clock, Sleeper sleeper, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.http = http;
        this.lwa = lwa;
        this.endpoints = endpoints;
        this.throttle = new SpApiThrottle(clock, PUBLISHED_PLANS);
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
    }

    /**
     * getOrders: the orders of the given marketplaces updated after a time (first page), or the page a
     * {@code nextToken} names. Only ids, marketplaces and update times are kept: each order is then fetched
     * in full, exactly as a notified one, so the poll and the notification give the same event.
     */
    public AmazonOrdersPage getOrders(ChannelContext channel, List<String> marketplaceIds, java.time.Instant lastUpdatedAfter,
                                      String nextToken) {
        if (marketplaceIds.isEmpty()) {
            throw new IllegalArgumentException("getOrders needs at least one marketplace id");
        }
        StringBuilder query = new StringBuilder("?MarketplaceIds=").append(encode(String.join(",", marketplaceIds)));
        if (nextToken != null) {
            query.append("&NextToken=").append(encode(nextToken));
        } else if (lastUpdatedAfter != null) {
            query.append("&LastUpdatedAfter=").append(encode(lastUpdatedAfter.toString()));
        } else {
            throw new IllegalArgumentException("getOrders needs lastUpdatedAfter or a nextToken");
        }
        JsonNode payload = call(channel, GET_ORDERS, "GET", "/orders/v0/orders" + query, null, null).path("payload");
        List<AmazonOrderRef> refs = new ArrayList<>();
        java.time.Instant newest = null;
        JsonNode orders = payload.path("Orders");
        for (int i = 0; i < orders.size(); i++) {
            JsonNode order = orders.get(i);
            java.time.Instant updated = JsonBodies.instant(order, "LastUpdateDate", "Orders[" + i + "]");
            refs.add(new AmazonOrderRef(JsonBodies.requireText(order, "AmazonOrderId", "Orders[" + i + "]"),
                    JsonBodies.text(order, "MarketplaceId"), null, AmazonOrdersPage.POLL, updated));
            if (updated != null && (newest == null || updated.isAfter(newest))) {
                newest = updated;
            }
        }
        return new AmazonOrdersPage(refs, JsonBodies.text(payload, "NextToken"), newest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** getOrder: the order's {@code payload}. */
    public JsonNode getOrder(ChannelContext channel, String orderId) {
        return call(channel, GET_ORDER, "GET", orderPath(orderId), null, null).path("payload");
    }

    /** getOrderItems, every page ({@code NextToken}): the {@code OrderItems} of all pages in order. */
    public List<JsonNode> getOrderItems(ChannelContext channel, String orderId) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = orderPath(orderId) + "/orderItems"
                    + (next == null ? "" : "?NextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            JsonNode payload = call(channel, GET_ORDER_ITEMS, "GET", path, null, null).path("payload");
            payload.path("OrderItems").forEach(items::add);
            next = JsonBodies.text(payload, "NextToken");
            if (next == null) {
                return items;
            }
        }
        throw new SpApiException("getOrderItems for " + orderId + " has more than " + MAX_PAGES + " pages", 200, false);
    }

    /** A Restricted Data Token for the given GET paths (no dataElements: they are for getOrder/getOrders/getOrderItems only). */
    public String createRestrictedDataToken(ChannelContext channel, List<String> paths) {
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        ArrayNode resources = body.putArray("restrictedResources");
        paths.forEach(path -> resources.addObject().put("method", "GET").put("path", path));
        JsonNode answer = call(channel, CREATE_RDT, "POST", "/tokens/2021-03-01/restrictedDataToken", body, null);
        String token = JsonBodies.text(answer, "restrictedDataToken");
        if (token == null) {
            throw new SpApiException("createRestrictedDataToken answered no restrictedDataToken", 200, true);
        }
        return token;
    }

    /** getOrderAddress with a Restricted Data Token: the {@code payload} ({@code ShippingAddress}...). */
    public JsonNode getOrderAddress(ChannelContext channel, String orderId, String restrictedDataToken) {
        return call(channel, GET_ORDER_ADDRESS, "GET", addressPath(orderId), null, restrictedDataToken).path("payload");
    }

    /** getOrderBuyerInfo with a Restricted Data Token: the {@code payload} ({@code BuyerEmail}, {@code BuyerName}...). */
    public JsonNode getOrderBuyerInfo(ChannelContext channel, String orderId, String restrictedDataToken) {
        return call(channel, GET_ORDER_BUYER_INFO, "GET", buyerInfoPath(orderId), null, restrictedDataToken).path("payload");
    }

    static String orderPath(String orderId) {
        return "/orders/v0/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
    }

    static String addressPath(String orderId) {
        return orderPath(orderId) + "/address";
    }

    static String buyerInfoPath(String orderId) {
        return orderPath(orderId) + "/buyerInfo";
    }

    /** Calls made so far, by operation name (attempts included: a 429 then a 200 counts two). */
    public Map<String, Integer> calls() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        calls.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }

    private JsonNode call(ChannelContext channel, String operation, String method, String path, JsonNode body,
                          String restrictedDataToken) {
        SpApiEndpoints where = endpoints.apply(channel);
        URI uri = where.resolve(path);
        long backoff = BACKOFF_START_MS;
        boolean freshToken = false;
        for (int attempt = 1; ; attempt++) {
            pause(throttle.acquire(operation));
            String token = restrictedDataToken != null ? restrictedDataToken : lwa.accessToken(channel, where);
            HttpResponse<byte[]> response = send(operation, request(uri, method, body, token));
            calls.computeIfAbsent(operation, op -> new AtomicInteger()).incrementAndGet();
            throttle.observe(operation, response.headers().firstValue("x-amzn-RateLimit-Limit").orElse(null));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(operation, response.body());
            }
            if (status == 403 && restrictedDataToken == null && !freshToken) {
                // A cached LWA token Amazon no longer takes (revoked, rotated): fetch a new one and try once more.
                lwa.invalidate(channel);
                freshToken = true;
                attempt--;
                continue;
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= maxAttempts) {
                throw new SpApiException(operation + " " + path + " answered HTTP " + status + errors(response.body())
                        + (retryable ? " after " + attempt + " attempts" : ""), status, retryable);
            }
            if (status == 429) {
                throttle.throttled(operation);
            }
            long oneToken = (long) Math.ceil(1000 / throttle.rate(operation));
            long wait = Math.min(Math.max(backoff, oneToken), BACKOFF_MAX_MS);
            pause(Duration.ofMillis(wait));
            backoff = wait * 2;
        }
    }

    private static HttpRequest request(URI uri, String method, JsonNode body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("x-amz-access-token", token)
                .header("Accept", "application/json")
                .header("User-Agent", "omnichannel-ofbiz/0.1 (Language=Java)");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JsonBodies.mapper().writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + uri.getPath() + " request body", e);
        }
    }

    private HttpResponse<byte[]> send(String operation, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SpApiException(operation + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted during " + operation, e);
        }
    }

    private void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted while waiting for the SP-API rate limit", e);
        }
    }

    private static JsonNode parse(String operation, byte[] body) {
        try {
            JsonNode tree = JsonBodies.mapper().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new SpApiException(operation + " answered something that is not a JSON object", 200, true);
            }
            return tree;
        } catch (IOException e) {
            throw new SpApiException(operation + " answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    /** ": <code> <message>" of Amazon's first error ({"errors":[{"code","message","details"}]}), or "". */
    private static String errors(byte[] body) {
        try {
            JsonNode first = JsonBodies.mapper().readTree(body).path("errors").path(0);
            String code = JsonBodies.text(first, "code");
            return code == null ? "" : ": " + code + " " + JsonBodies.text(first, "message");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
