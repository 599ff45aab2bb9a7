package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth access tokens from eBay's token endpoint ({@code POST /identity/v1/oauth2/token}, Basic
 * authentication with the channel's secrets {@code clientId} and {@code clientSecret};
 * https://developer.ebay.com/api-docs/static/oauth-client-credentials-grant.html and
 * https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html):
 * an <em>application</em> token (client credentials grant, scope {@code https://api.ebay.com/oauth/api_scope})
 * for the Notification API's public keys, and a <em>user</em> token (refresh token grant with the channel's
 * secret {@code refreshToken}) for the Sell APIs. Tokens are kept per channel and grant until a minute
 * before {@code expires_in} runs out. Thread-safe.
 */
public final class EbayOAuthTokens {

    static final String API_SCOPE = "https://api.ebay.com/oauth/api_scope";
    static final String INVENTORY_SCOPE = "https://api.ebay.com/oauth/api_scope/sell.inventory";
    /** Read access to the Fulfillment API's orders (getOrder, getOrders). */
    static final String FULFILLMENT_SCOPE = "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly";
    private static final Duration EARLY = Duration.ofMinutes(1);

    private record Token(String value, Instant until) {
    }

    private final HttpClient http;
    private final URI fixedBase;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public EbayOAuthTokens(HttpClient http, URI fixedBase, Clock clock) {
        this.http = http;
        this.fixedBase = fixedBase;
        this.clock = clock;
    }

    /** An application token (client credentials grant). */
    public String applicationToken(ChannelContext channel) {
        return token(channel, "application", "grant_type=client_credentials&scope=" + encode(API_SCOPE));
    }

    /** A user token for the given scope (refresh token grant). */
    public String userToken(ChannelContext channel, String scope) {
        return token(channel, "user " + scope, "grant_type=refresh_token&refresh_token="
                + encode(channel.secrets().require("refreshToken")) + "&scope=" + encode(scope));
    }

    /** Drops the cached user token for a scope (eBay answered 401 to it: revoked or expired early). */
    public void forgetUserToken(ChannelContext channel, String scope) {
        tokens.remove(key(channel, "user " + scope));
    }

    private static String key(ChannelContext channel, String grant) {
        return channel.channelId() + "\u001f" + grant;
    }

    private String token(ChannelContext channel, String grant, String form) {
        String key = key(channel, grant);
        Token cached = tokens.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((channel.secrets().require("clientId") + ":"
                + channel.secrets().require("clientSecret")).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(EbayApi.resolve(EbayApi.base(fixedBase, channel), "/identity/v1/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EbayApiException("eBay " + grant + " token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EbayApiException("interrupted while asking eBay for a " + grant + " token", e);
        }
        if (response.statusCode() != 200) {
            // eBay's error body names the problem ("invalid_client", "invalid_grant"); it holds no secret.
            throw new EbayApiException("eBay refused the " + grant + " token for channel '" + channel.channelId()
                    + "': HTTP " + response.statusCode() + " " + errorOf(response.body()));
        }
        JsonNode body;
        try {
            body = JsonBodies.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new EbayApiException("eBay " + grant + " token answer is not JSON", e);
        }
        String value = JsonBodies.text(body, "access_token");
        long seconds = body.path("expires_in").asLong(0);
        if (value == null || seconds <= 0) {
            throw new EbayApiException("eBay " + grant + " token answer has no access_token or expires_in");
        }
        tokens.put(key, new Token(value, now.plusSeconds(seconds).minus(EARLY)));
        return value;
    }

    private static String errorOf(byte[] body) {
        try {
            JsonNode tree = JsonBodies.mapper().readTree(body);
            String error = JsonBodies.text(tree, "error");
            return error == null ? "" : error;
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
