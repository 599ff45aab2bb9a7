package org.omnichannel.hub.outbound;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.core.event.ChannelKind;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-channel token bucket and the vendors' rate-limit headers, on a clock the test moves. */
class OutboundThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void a_bucket_lets_its_burst_through_then_one_request_per_token() {
        TokenBucket bucket = new TokenBucket(2, 3, nanos::get);

        assertThat(List.of(bucket.tryTake(), bucket.tryTake(), bucket.tryTake())).containsOnly(Duration.ZERO);
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
        advance(Duration.ofMillis(500));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ZERO);
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void a_pause_holds_every_request_until_it_ends_and_the_bucket_refills_only_after() {
        TokenBucket bucket = new TokenBucket(10, 5, nanos::get);

        bucket.pause(Duration.ofSeconds(2));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(2));
        advance(Duration.ofMillis(1500));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
        advance(Duration.ofMillis(600));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ZERO); // 100 ms after the pause: one token at 10/s
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void retry_after_is_read_as_seconds_decimals_or_an_http_date() {
        assertThat(RateLimitHeaders.retryAfter("2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RateLimitHeaders.retryAfter("1.0", NOW)).contains(Duration.ofSeconds(1)); // Shopify's spelling
        assertThat(RateLimitHeaders.retryAfter("Mon, 23 Nov 2026 12:00:07 GMT", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RateLimitHeaders.retryAfter("Mon, 23 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RateLimitHeaders.retryAfter("86400", NOW)).contains(RateLimitHeaders.LONGEST_PAUSE);
        assertThat(RateLimitHeaders.retryAfter("soon", NOW)).isEmpty();
        assertThat(RateLimitHeaders.retryAfter("-1", NOW)).isEmpty();
    }

    @Test
    void amazons_rate_header_sets_the_rate_and_shopifys_call_limit_caps_the_tokens() {
        TokenBucket bucket = new TokenBucket(5, 10, nanos::get);

        RateLimitHeaders.apply(headers(Map.of("x-amzn-RateLimit-Limit", "0.5")), bucket, NOW);
        assertThat(bucket.ratePerSecond()).isEqualTo(0.5);
        RateLimitHeaders.apply(headers(Map.of("X-Shopify-Shop-Api-Call-Limit", "39/40")), bucket, NOW);
        assertThat(bucket.tryTake()).isEqualTo(Duration.ZERO);
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void an_exhausted_quota_pauses_until_its_reset() {
        TokenBucket bucket = new TokenBucket(5, 10, nanos::get);

        assertThat(RateLimitHeaders.apply(headers(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "30")), bucket, NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RateLimitHeaders.reset("2026-11-23T12:01:00Z", NOW)).contains(Duration.ofMinutes(1));
        assertThat(RateLimitHeaders.reset(String.valueOf(NOW.getEpochSecond() + 90), NOW)).contains(Duration.ofSeconds(90));
        assertThat(RateLimitHeaders.apply(headers(Map.of("X-RateLimit-Remaining", "7", "X-RateLimit-Reset", "30")), bucket, NOW))
                .isEmpty();
    }

    @Test
    void a_channel_takes_its_systems_published_rate_unless_its_settings_say_otherwise() {
        assertThat(VendorRateLimits.of(channel("shopify", Map.of()))).isEqualTo(new VendorRateLimits(2, 40));
        assertThat(VendorRateLimits.of(channel("amazon-sp-api", Map.of()))).isEqualTo(new VendorRateLimits(5, 10));
        assertThat(VendorRateLimits.of(channel("shopify", Map.of("outboundRatePerSecond", "20", "outboundBurst", "40"))))
                .isEqualTo(new VendorRateLimits(20, 40));
        assertThat(VendorRateLimits.of(channel("generic", Map.of()))).isEqualTo(new VendorRateLimits(1, 5));
        assertThatThrownBy(() -> VendorRateLimits.of(channel("shopify", Map.of("outboundRatePerSecond", "fast"))))
                .hasMessage("channel 'shop-eu' setting outboundRatePerSecond is 'fast': set it to a number above 0, e.g. 2");
    }

    @Test
    void a_refusal_excerpt_is_short_one_line_and_never_carries_the_requests_credentials() {
        String body = "{\"errors\":\"token shpat_secret_123 is invalid\",\n\"type\":\"application/json\"}" + "x".repeat(400);

        String excerpt = VendorSender.excerpt(body.getBytes(), Map.of("X-Shopify-Access-Token", "shpat_secret_123",
                "Content-Type", "application/json"));

        assertThat(excerpt).startsWith("{\"errors\":\"token *** is invalid\", \"type\":\"application/json\"}")
                .doesNotContain("shpat_secret_123").doesNotContain("\n").hasSize(VendorSender.EXCERPT + 1);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()))), (a, b) -> true);
    }

    private static ChannelContext channel(String system, Map<String, String> settings) {
        return new ChannelContext("shop-eu", ChannelKind.OWN_ECOMMERCE, system, settings, null);
    }
}
