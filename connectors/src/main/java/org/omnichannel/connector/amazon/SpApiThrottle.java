package org.omnichannel.connector.amazon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side usage plans, one token bucket per operation (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits-in-the-sp-api):
 * it starts from the published default rate and burst (ordersV0.json: getOrder, getOrderItems,
 * getOrderAddress, getOrderBuyerInfo 0.5/s burst 30; getOrders 0.0167/s burst 20; tokens 1/s burst 10)
 * and takes the rate Amazon states in each answer's {@code x-amzn-RateLimit-Limit}. {@link #acquire} says
 * how long to wait before the next call; after a 429 the bucket is emptied, so the next call waits a full
 * token. Thread-safe. Only this instance's calls are counted: several hub instances share the seller's
 * limit, which is why 429 is still handled with back-off.
 */
final class SpApiThrottle {

    /** An operation's usage plan: requests per second and burst. */
    record Plan(double rate, double burst) {
    }

    private static final class Bucket {
        double rate;
        final double burst;
        double tokens;
        Instant at;

        Bucket(Plan plan, Instant now) {
            this.rate = plan.rate();
            this.burst = plan.burst();
            this.tokens = plan.burst();
            this.at = now;
        }

        void refill(Instant now) {
            double seconds = Duration.between(at, now).toNanos() / 1e9;
            if (seconds > 0) {
                tokens = Math.min(burst, tokens + seconds * rate);
                at = now;
            }
        }
    }

    private final Clock clock;
    private final Map<String, Plan> defaults;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SpApiThrottle(Clock clock, Map<String, Plan> defaults) {
        this.clock = clock;
        this.defaults = Map.copyOf(defaults);
    }

    /** Takes a token for the operation; the answer is how long to wait first (zero when one is there). */
    Duration acquire(String operation) {
        Bucket bucket = bucket(operation);
        synchronized (bucket) {
            Instant now = clock.instant();
            bucket.refill(now);
            bucket.tokens -= 1;
            if (bucket.tokens >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil(-bucket.tokens / bucket.rate * 1e9));
        }
    }

    /** Records the rate Amazon stated ({@code x-amzn-RateLimit-Limit}); ignores a value that is not a positive number. */
    void observe(String operation, String rateLimitHeader) {
        if (rateLimitHeader == null) {
            return;
        }
        try {
            double rate = Double.parseDouble(rateLimitHeader.trim());
            if (rate > 0 && Double.isFinite(rate)) {
                Bucket bucket = bucket(operation);
                synchronized (bucket) {
                    bucket.rate = rate;
                }
            }
        } catch (NumberFormatException e) {
            // Amazon sends a decimal; anything else leaves the plan as it was.
        }
    }

    /** Amazon answered 429: nothing is left in the bucket. */
    void throttled(String operation) {
        Bucket bucket = bucket(operation);
        synchronized (bucket) {
            bucket.refill(clock.instant());
            bucket.tokens = Math.min(bucket.tokens, 0);
        }
    }

    double rate(String operation) {
        Bucket bucket = bucket(operation);
        synchronized (bucket) {
            return bucket.rate;
        }
    }

    private Bucket bucket(String operation) {
        return buckets.computeIfAbsent(operation, op -> new Bucket(defaults.getOrDefault(op, new Plan(1, 1)), clock.instant()));
    }
}
