package org.omnichannel.connector.spi;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedTimestampTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:15:00Z");

    @Test
    void the_tolerance_is_the_channel_setting_or_the_vendor_default() {
        assertThat(channel(Map.of()).tolerance(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(300));
        assertThat(channel(Map.of("toleranceSeconds", " 60 ")).tolerance(Duration.ofSeconds(300)))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_tolerance_that_is_not_whole_seconds_names_the_channel_and_the_fix() {
        assertThatThrownBy(() -> channel(Map.of("toleranceSeconds", "5m")).tolerance(Duration.ofSeconds(300)))
                .hasMessage("channel 'shop-eu' has toleranceSeconds '5m': set it to a whole number of seconds, e.g. 300");
        assertThatThrownBy(() -> channel(Map.of("toleranceSeconds", "-1")).tolerance(Duration.ofSeconds(300)))
                .hasMessageContaining("whole number of seconds");
    }

    @Test
    void a_signed_instant_is_fresh_up_to_the_tolerance_either_way() {
        Duration tolerance = Duration.ofSeconds(300);

        assertThat(Signatures.fresh("timestamp", NOW.minusSeconds(300), NOW, tolerance).isVerified()).isTrue();
        assertThat(Signatures.fresh("timestamp", NOW.plusSeconds(300), NOW, tolerance).isVerified()).isTrue();
        assertThat(Signatures.fresh("transmission time", NOW.minusSeconds(301), NOW, tolerance))
                .isEqualTo(Verification.rejected("transmission time is 301 s away from now; tolerance is 300 s"));
        assertThat(Signatures.fresh("timestamp", NOW.plusSeconds(400), NOW, tolerance).isVerified()).isFalse();
    }

    private static ChannelContext channel(Map<String, String> settings) {
        return new ChannelContext("shop-eu", ChannelKind.OWN_ECOMMERCE, "generic", settings, Secrets.none());
    }
}
