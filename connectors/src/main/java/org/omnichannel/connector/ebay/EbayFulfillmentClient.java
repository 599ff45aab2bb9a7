package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.FetchException;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The two Fulfillment API calls the order source needs, over {@code java.net.http}, as eBay's reference and its
 * published OpenAPI contract describe them (https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrder,
 * https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrders,
 * https://developer.ebay.com/api-docs/master/sell/fulfillment/openapi/3/sell_fulfillment_v1_oas3.json):
 * <ul>
 *   <li>{@code GET /sell/fulfillment/v1/order/{orderId}}</li>
 *   <li>{@code GET /sell/fulfillment/v1/order?filter=lastmodifieddate:[<from>..]&limit=&offset=} (limit at most
 *       {@value #MAX_LIMIT}; the brackets percent-encoded as the reference asks)</li>
 * </ul>
 * Both carry a <em>user</em> access token from the channel's refresh token, scope
 * {@code sell.fulfillment.readonly} ({@link EbayOAuthTokens}).
 *
 * <p><b>Failures</b> are {@link FetchException}s whose message names the call, the status and eBay's
 * {@code errors[].errorId}/{@code message} (https://developer.ebay.com/develop/api/sell/error_codes), never a token:
 * 429 (eBay's call limits, https://developer.ebay.com/develop/api/sell/api_call_limits) is retryable with the
 * {@code Retry-After} eBay sent; 5xx and I/O errors are retryable; 400, 403 and 404 are not. A 401 to a cached token
 * (revoked, or expired early) is tried once more with a fresh one. The client waits for nothing itself: the hub
 * keeps the reference queued and tries again after {@link FetchException#retryAfter()}.
 *
 * <p>Thread-safe; {@link #calls(String)} counts the calls made per operation (for the figures in
 * docs/marketplaces.md).
 */
public final class EbayFulfillmentClient {

    static final String GET_ORDER = "getOrder";
    static final String GET_ORDERS = "getOrders";
    static final String ORDER_PATH = "/sell/fulfillment/v1/order";
    static final int MAX_LIMIT = 200;
    /** getOrders returns orders up to two years old; a start a little inside that. */
    static final long MAX_AGE_DAYS = 729;
    /** How far before now a start is kept, so clock skew never makes it "in the future" for eBay. */
    static final long FUTURE_MARGIN_SECONDS = 60;
    /** eBay's order ids ("12-03456-78901", legacy "110008398632-0" or "6498414015!260000000562911"). */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9!._-]{1,64}");
    private static final DateTimeFormatter EBAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final HttpClient http;
    private final EbayOAuthTokens tokens;
    private final URI fixedBase;
    private final Clock clock;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /**
     * @param fixedBase a base URL replacing eBay's for every channel (tests), or null to use the channel's
     *                  {@code environment} / {@code apiBaseUrl} settings
     */
    public EbayFulfillmentClient(HttpClient http, EbayOAuthTokens tokens, URI fixedBase, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.fixedBase = fixedBase;
        this.clock = clock;
    }

    /** getOrder: the order, as eBay's {@code Order} object. */
    public JsonNode getOrder(ChannelContext channel, String orderId) {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new FetchException("'" + orderId + "' is not an eBay order id; getOrder was not called", false);
        }
        return call(channel, GET_ORDER + " " + orderId, GET_ORDER,
                EbayApi.resolve(EbayApi.base(fixedBase, channel), ORDER_PATH + "/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8)));
    }

    /**
     * getOrders: one page ({@code OrderSearchPagedCollection}) of the orders modified at or after a time. eBay refuses
     * a start in the future (errorId 30850) and returns nothing older than two years, so the start is kept between
     * {@value #MAX_AGE_DAYS} days and {@value #FUTURE_MARGIN_SECONDS} seconds before now: a later watermark only
     * widens the window a little (the overlap collapses by eventId), an older one asks for what eBay still has.
     */
    public JsonNode getOrders(ChannelContext channel, Instant modifiedSince, int limit, int offset) {
        if (modifiedSince == null || limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("getOrders needs a start time, a limit of 1 to " + MAX_LIMIT
                    + " and an offset of 0 or more");
        }
        Instant now = clock.instant();
        Instant latest = now.minusSeconds(FUTURE_MARGIN_SECONDS);
        Instant earliest = now.minus(Duration.ofDays(MAX_AGE_DAYS));
        Instant from = modifiedSince.isAfter(latest) ? latest : modifiedSince.isBefore(earliest) ? earliest : modifiedSince;
        String filter = "lastmodifieddate:%5B" + EBAY_TIME.format(from) + "..%5D";
        return call(channel, GET_ORDERS, GET_ORDERS, EbayApi.resolve(EbayApi.base(fixedBase, channel),
                ORDER_PATH + "?filter=" + filter + "&limit=" + limit + "&offset=" + offset));
    }

    /** How many calls of an operation ({@value #GET_ORDER}, {@value #GET_ORDERS}) were sent, retries included. */
    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    private JsonNode call(ChannelContext channel, String what, String operation, URI uri) {
        boolean freshToken = false;
        while (true) {
            HttpResponse<byte[]> response = send(channel, what, operation, uri);
            int status = response.statusCode();
            if (status == 200) {
                JsonNode tree;
                try {
                    tree = JsonBodies.mapper().readTree(response.body());
                } catch (IOException e) {
                    throw new FetchException("eBay " + what + " answered 200 with a body that is not JSON", true, null, e);
                }
                if (tree == null || !tree.isObject()) {
                    throw new FetchException("eBay " + what + " answered 200 with a body that is not a JSON object", true);
                }
                return tree;
            }
            if (status == 401 && !freshToken) {
                tokens.forgetUserToken(channel, EbayOAuthTokens.FULFILLMENT_SCOPE);
                freshToken = true;
                continue;
            }
            String message = "eBay " + what + " for channel '" + channel.channelId() + "' answered HTTP " + status
                    + errors(response.body());
            if (status == 429) {
                throw new FetchException(message + " (call limit reached)", true, retryAfter(response), null);
            }
            if (status >= 500) {
                throw new FetchException(message, true, retryAfter(response), null);
            }
            if (status == 401 || status == 403) {
                throw new FetchException(message + ": the channel's refreshToken must grant "
                        + EbayOAuthTokens.FULFILLMENT_SCOPE, false);
            }
            throw new FetchException(message, false);
        }
    }

    private HttpResponse<byte[]> send(ChannelContext channel, String what, String operation, URI uri) {
        String token;
        try {
            token = tokens.userToken(channel, EbayOAuthTokens.FULFILLMENT_SCOPE);
        } catch (EbayApiException e) {
            throw new FetchException("no eBay user token for " + what + ": " + e.getMessage(), true, null, e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new FetchException("eBay " + what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while calling eBay " + what, true, null, e);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date, or null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** ": errorId 32100 Invalid order ID: ..." from eBay's {@code {"errors":[...]}}, or "" when there is none. */
    private static String errors(byte[] body) {
        try {
            JsonNode errors = JsonBodies.mapper().readTree(body).path("errors");
            Map<String, String> byId = new TreeMap<>();
            for (JsonNode error : errors) {
                String message = JsonBodies.text(error, "message");
                byId.put(error.path("errorId").asText("?"), message == null ? "" : truncate(message));
            }
            StringBuilder text = new StringBuilder();
            byId.forEach((id, message) -> text.append(text.length() == 0 ? ": " : "; ")
                    .append("errorId ").append(id).append(message.isEmpty() ? "" : " " + message));
            return text.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String truncate(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "...";
    }
}
