package org.omnichannel.hub.outbound;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens a second up to {@code burst}; one token a request. A vendor's
 * 429 or rate-limit headers can pause it, lower its rate or empty it. Thread-safe.
 */
final class TokenBucket {

    private final LongSupplier nanoTime;
    private final double burst;
    private double ratePerSecond;
    private double tokens;
    private long refilledAt;
    private long pausedUntil;

    TokenBucket(double ratePerSecond, double burst, LongSupplier nanoTime) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate must be above 0 and a burst at least 1, got " + ratePerSecond + "/s burst "
                    + burst);
        }
        this.nanoTime = nanoTime;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
        this.pausedUntil = refilledAt;
    }

    /** Takes a token and answers zero, or answers how long to wait before asking again (taking nothing). */
    synchronized Duration tryTake() {
        long now = refill();
        if (now - pausedUntil < 0) {
            return Duration.ofNanos(pausedUntil - now);
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerSecond * 1e9));
    }

    /** No request before {@code wait} from now (a 429's Retry-After, a quota's reset); the bucket is emptied. */
    synchronized void pause(Duration wait) {
        long now = refill();
        long until = now + wait.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
        tokens = 0;
    }

    /** The vendor says what its rate is (Amazon's x-amzn-RateLimit-Limit): use it from now on. */
    synchronized void adoptRate(double perSecond) {
        if (perSecond > 0) {
            refill();
            ratePerSecond = perSecond;
        }
    }

    /** The vendor says how much room is left (Shopify's call-limit header): never hold more tokens than that. */
    synchronized void atMost(double remaining) {
        refill();
        tokens = Math.min(tokens, Math.max(0, remaining));
    }

    synchronized double ratePerSecond() {
        return ratePerSecond;
    }

    private long refill() {
        long now = nanoTime.getAsLong();
        long from = now - pausedUntil < 0 ? now : Math.max(refilledAt, pausedUntil);
        if (now - from > 0 && now - pausedUntil >= 0) {
            tokens = Math.min(burst, tokens + (now - from) / 1e9 * ratePerSecond);
        }
        refilledAt = now;
        return now;
    }
}
