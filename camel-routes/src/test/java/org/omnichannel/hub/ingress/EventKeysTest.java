package org.omnichannel.hub.ingress;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.hub.support.GenericWebhooks;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EventKeysTest {

    private static final Path ORDER_EXAMPLE = Path.of("..", "core", "src", "test", "resources", "events", "order-placed.example.json");

    @Test
    void keys_an_order_event_by_channel_and_order_so_its_updates_stay_in_order_on_one_partition() throws Exception {
        ChannelEvent placed = ChannelEventJson.read(Files.readAllBytes(ORDER_EXAMPLE));
        ChannelEvent cancelled = ChannelEvent.builder()
                .channel(placed.channelId(), placed.channelKind(), placed.system())
                .externalId("order", placed.payloadAs(OrderPayload.class).orderId(), "cancelled")
                .type(EventType.ORDER_CANCELLED)
                .occurredAt(placed.occurredAt())
                .receivedAt(placed.receivedAt())
                .payload(placed.payload())
                .build();

        assertThat(EventKeys.keyOf(placed)).isEqualTo(placed.channelId() + ":order:4711");
        assertThat(EventKeys.keyOf(cancelled)).isEqualTo(EventKeys.keyOf(placed));
    }

    @Test
    void keys_other_events_by_a_hash_of_the_fan_so_two_shops_spread_and_no_email_leaks_into_keys() {
        ChannelEvent visitA = GenericWebhooks.visit("shop-a", "1", "wang@example.com");
        ChannelEvent visitB = GenericWebhooks.visit("shop-b", "2", "wang@example.com");
        ChannelEvent other = GenericWebhooks.visit("shop-a", "3", "li@example.com");

        assertThat(EventKeys.keyOf(visitA)).isEqualTo(EventKeys.keyOf(visitB)).startsWith("fan:").doesNotContain("wang");
        assertThat(EventKeys.keyOf(other)).isNotEqualTo(EventKeys.keyOf(visitA));
    }
}
