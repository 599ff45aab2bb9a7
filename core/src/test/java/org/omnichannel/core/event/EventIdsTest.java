package org.omnichannel.core.event;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdsTest {

    @Test
    void the_same_webhook_delivered_twice_gets_the_same_event_id() {
        assertThat(EventIds.of("shop-eu", "order", "4711")).isEqualTo(EventIds.of("shop-eu", "order", "4711"));
    }

    @Test
    void the_same_vendor_id_on_two_channels_gets_two_event_ids() {
        assertThat(EventIds.of("shop-eu", "4711")).isNotEqualTo(EventIds.of("shop-cn", "4711"));
    }

    @Test
    void parts_are_separated_so_that_shifting_characters_between_them_changes_the_id() {
        assertThat(EventIds.of("c", "ab", "c")).isNotEqualTo(EventIds.of("c", "a", "bc"));
    }

    @Test
    void ids_are_version_5_uuids_stable_across_releases() {
        UUID id = UUID.fromString(EventIds.of("shop-eu", "order", "4711"));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        // Pinned: changing the derivation would break idempotency for events already stored.
        assertThat(id.toString()).isEqualTo(EventIds.of("shop-eu", "order", "4711"));
        assertThat(EventIds.of("shop-eu", "order", "4711")).isEqualTo(PINNED);
    }

    private static final String PINNED = "7752d5bc-ff18-534f-ba2b-6dd3eec48921";

    @Test
    void an_event_id_needs_a_vendor_id() {
        assertThatThrownBy(() -> EventIds.of("shop-eu")).hasMessageContaining("vendor's own id");
        assertThatThrownBy(() -> EventIds.of("shop-eu", " ")).hasMessageContaining("external id part");
    }
}
