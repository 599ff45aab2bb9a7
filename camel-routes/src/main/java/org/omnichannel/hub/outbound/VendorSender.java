package org.omnichannel.hub.outbound;

import org.omnichannel.connector.spi.OutboundRequest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a connector's {@link OutboundRequest} with the JDK's HttpClient and sorts the answer into a
 * {@link VendorAnswer}, applying its rate-limit headers to the channel's bucket. A refusal keeps a short
 * excerpt of the vendor's body, with the request's credential header values (tokens, keys) blanked out of it.
 */
final class VendorSender {

    static final int EXCERPT = 300;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** Headers that describe the body and carry nothing secret. */
    private static final Set<String> DESCRIPTIVE = Set.of("content-type", "accept", "user-agent");

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    VendorSender(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    VendorAnswer send(OutboundRequest request, TokenBucket bucket) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout)
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new VendorAnswer.Unavailable(request + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        int status = response.statusCode();
        Optional<Duration> quotaPause = RateLimitHeaders.apply(response.headers(), bucket, clock.instant());
        if (status >= 200 && status < 300) {
            return new VendorAnswer.Confirmed(status);
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                .flatMap(value -> RateLimitHeaders.retryAfter(value, clock.instant()));
        if (status == 429 || status == 503 && retryAfter.isPresent()) {
            return new VendorAnswer.Throttled(status, retryAfter.or(() -> quotaPause).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return new VendorAnswer.Unavailable(request + " answered HTTP " + status);
        }
        return new VendorAnswer.Refused(status, excerpt(response.body(), request.headers()));
    }

    /** The start of the body on one line, with the request's header values (credentials) blanked out. */
    static String excerpt(byte[] body, Map<String, String> requestHeaders) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\r\\n\\t]+", " ").trim();
        for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
            if (DESCRIPTIVE.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String part : header.getValue().split(" ")) {
                if (part.length() >= 8) {
                    text = text.replace(part, "***");
                }
            }
        }
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }
}
