package org.omnichannel.hub.outbound;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a vendor's answer says about its rate limit, applied to the channel's {@link TokenBucket}:
 * <ul>
 *   <li>{@code Retry-After} (RFC 9110 §10.2.3: delay-seconds or an HTTP-date; Shopify sends decimals such as
 *       {@code 2.0}) on a 429 or 503: no request before then;</li>
 *   <li>{@code x-amzn-RateLimit-Limit} (Amazon SP-API: the operation's rate in requests/s): adopted;</li>
 *   <li>{@code X-Shopify-Shop-Api-Call-Limit: used/size}: at most {@code size - used} requests before the
 *       bucket leaks;</li>
 *   <li>{@code X-RateLimit-Remaining: 0} (also {@code X-eBay-C-RateLimit-Remaining}) with
 *       {@code X-RateLimit-Reset} (delta seconds, epoch seconds, an ISO instant or an HTTP-date): no request
 *       before the reset, at most {@link #LONGEST_PAUSE}.</li>
 * </ul>
 */
final class RateLimitHeaders {

    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

    private RateLimitHeaders() {
    }

    /** The wait a Retry-After value asks for; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            double seconds = Double.parseDouble(text);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(cap(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
        } catch (NumberFormatException notSeconds) {
            return instant(text).map(at -> cap(nonNegative(Duration.between(now, at))));
        }
    }

    /** Applies an answer's rate-limit headers to the bucket; returns the pause it asked for, if any. */
    static Optional<Duration> apply(HttpHeaders headers, TokenBucket bucket, Instant now) {
        headers.firstValue("x-amzn-RateLimit-Limit").ifPresent(limit -> {
            try {
                bucket.adoptRate(Double.parseDouble(limit.trim()));
            } catch (NumberFormatException ignored) {
                // an unreadable header changes nothing
            }
        });
        headers.firstValue("X-Shopify-Shop-Api-Call-Limit").ifPresent(limit -> {
            String[] parts = limit.trim().split("/");
            if (parts.length == 2) {
                try {
                    bucket.atMost(Double.parseDouble(parts[1]) - Double.parseDouble(parts[0]));
                } catch (NumberFormatException ignored) {
                    // an unreadable header changes nothing
                }
            }
        });
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining")
                .or(() -> headers.firstValue("X-eBay-C-RateLimit-Remaining"));
        if (remaining.isPresent() && remaining.get().trim().equals("0")) {
            Optional<Duration> reset = headers.firstValue("X-RateLimit-Reset")
                    .or(() -> headers.firstValue("X-eBay-C-RateLimit-Reset"))
                    .flatMap(value -> reset(value, now));
            reset.ifPresent(bucket::pause);
            return reset;
        }
        return Optional.empty();
    }

    /** A reset given as delta seconds, epoch seconds, an ISO instant or an HTTP-date. */
    static Optional<Duration> reset(String value, Instant now) {
        String text = value.trim();
        try {
            long number = Long.parseLong(text);
            Duration wait = number > 1_000_000_000L ? Duration.between(now, Instant.ofEpochSecond(number))
                    : Duration.ofSeconds(number);
            return Optional.of(cap(nonNegative(wait)));
        } catch (NumberFormatException notNumber) {
            return instant(text).map(at -> cap(nonNegative(Duration.between(now, at))));
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notHttpDate) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    private static Duration nonNegative(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait;
    }
}
