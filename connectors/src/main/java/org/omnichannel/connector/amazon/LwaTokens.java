package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login with Amazon access tokens for SP-API
 * (https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api#step-1-request-a-login-with-amazon-access-token):
 * {@code POST https://api.amazon.com/auth/o2/token} with the form {@code grant_type=refresh_token},
 * {@code refresh_token}, {@code client_id}, {@code client_secret} (the channel's secrets {@code lwaRefreshToken},
 * {@code lwaClientId}, {@code lwaClientSecret}); the answer {@code {"access_token":"Atza|...","expires_in":3600}}
 * is kept per channel until a minute before it expires. Thread-safe.
 */
public final class LwaTokens {

    private static final Duration EARLY = Duration.ofMinutes(1);

    private record Token(String value, Instant until) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public LwaTokens(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A current access token for the channel's selling partner. */
    public String accessToken(ChannelContext channel, SpApiEndpoints endpoints) {
        Token cached = tokens.get(channel.channelId());
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        String form = "grant_type=refresh_token&refresh_token=" + encode(channel.secrets().require("lwaRefreshToken"))
                + "&client_id=" + encode(channel.secrets().require("lwaClientId"))
                + "&client_secret=" + encode(channel.secrets().require("lwaClientSecret"));
        HttpRequest request = HttpRequest.newBuilder(endpoints.lwaToken()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SpApiException("Login with Amazon token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted while asking Login with Amazon for a token", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            // LWA's error body is {"error":"invalid_grant","error_description":"..."}: no secret in it.
            throw new SpApiException("Login with Amazon refused the token for channel '" + channel.channelId() + "': HTTP "
                    + response.statusCode() + " " + JsonBodies.text(body, "error") + ": " + JsonBodies.text(body, "error_description"),
                    response.statusCode(), response.statusCode() >= 500 || response.statusCode() == 429);
        }
        String value = JsonBodies.text(body, "access_token");
        long seconds = body == null ? 0 : body.path("expires_in").asLong(0);
        if (value == null || seconds <= 0) {
            throw new SpApiException("Login with Amazon answer has no access_token or expires_in", 200, true);
        }
        tokens.put(channel.channelId(), new Token(value, now.plusSeconds(seconds).minus(EARLY)));
        return value;
    }

    /** Forgets the channel's cached token, so the next call asks Login with Amazon again. */
    public void invalidate(ChannelContext channel) {
        tokens.remove(channel.channelId());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JsonBodies.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
