package org.omnichannel.connector.amazon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpApiThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SpApiThrottle throttle = new SpApiThrottle(clock, AmazonOrdersClient.PUBLISHED_PLANS);

    @Test
    void lets_the_published_burst_through_then_spaces_calls_by_the_rate() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.acquire("getOrder")).as("call %d of the burst of 30", i + 1).isZero();
        }
        assertThat(throttle.acquire("getOrder")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.acquire("getOrderItems")).as("each operation has its own bucket").isZero();
    }

    @Test
    void takes_the_rate_amazon_states_in_x_amzn_ratelimit_limit() {
        for (int i = 0; i < 30; i++) {
            throttle.acquire("getOrder");
        }
        throttle.observe("getOrder", "2.0");
        throttle.observe("getOrder", "not a number");

        assertThat(throttle.acquire("getOrder")).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.rate("getOrder")).isEqualTo(2.0);
    }

    @Test
    void a_429_empties_the_bucket_and_time_refills_it() {
        throttle.throttled("createRestrictedDataToken");
        assertThat(throttle.acquire("createRestrictedDataToken")).isEqualTo(Duration.ofSeconds(1));
        clock.sleep(Duration.ofSeconds(11));
        assertThat(throttle.acquire("createRestrictedDataToken")).isZero();
    }

    @Test
    void an_operation_without_a_published_plan_gets_one_call_a_second() {
        SpApiThrottle other = new SpApiThrottle(clock, Map.of());
        assertThat(other.acquire("getOrders")).isZero();
        assertThat(other.acquire("getOrders")).isEqualTo(Duration.ofSeconds(1));
    }
}
