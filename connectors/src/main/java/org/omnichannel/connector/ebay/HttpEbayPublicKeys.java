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
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks eBay for a notification key: {@code GET /commerce/notification/v1/public_key/{public_key_id}} with an
 * application token (https://developer.ebay.com/api-docs/commerce/notification/resources/public_key/methods/getPublicKey).
 * 200 gives the key; 404 (or eBay's 400 for an id it cannot read) means there is no such key; anything
 * else is an {@link EbayApiException}. Only ECDSA keys are accepted. Wrap it in {@link CachingEbayPublicKeys}.
 */
public final class HttpEbayPublicKeys implements EbayPublicKeys {

    /** eBay's key ids are UUIDs; anything else is refused before it reaches a URL. */
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final HttpClient http;
    private final EbayOAuthTokens tokens;
    private final URI fixedBase;

    public HttpEbayPublicKeys(HttpClient http, EbayOAuthTokens tokens, URI fixedBase) {
        this.http = http;
        this.tokens = tokens;
        this.fixedBase = fixedBase;
    }

    @Override
    public Optional<EbayPublicKey> find(String kid, ChannelContext channel) {
        if (kid == null || !KID.matcher(kid).matches()) {
            return Optional.empty();
        }
        URI uri = EbayApi.resolve(EbayApi.base(fixedBase, channel),
                "/commerce/notification/v1/public_key/" + URLEncoder.encode(kid, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.applicationToken(channel))
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EbayApiException("eBay getPublicKey " + kid + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EbayApiException("interrupted while fetching eBay public key " + kid, e);
        }
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new EbayApiException("eBay getPublicKey " + kid + " answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = JsonBodies.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new EbayApiException("eBay getPublicKey " + kid + " answer is not JSON", e);
        }
        if (!"ECDSA".equalsIgnoreCase(JsonBodies.text(body, "algorithm"))) {
            throw new EbayApiException("eBay public key " + kid + " has algorithm '" + JsonBodies.text(body, "algorithm")
                    + "'; only ECDSA is supported");
        }
        try {
            return Optional.of(EbayPublicKey.fromPem(kid, JsonBodies.text(body, "key"), JsonBodies.text(body, "digest")));
        } catch (IllegalArgumentException e) {
            throw new EbayApiException(e.getMessage(), e);
        }
    }
}
