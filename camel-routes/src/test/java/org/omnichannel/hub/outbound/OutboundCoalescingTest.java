package org.omnichannel.hub.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.OutboundMessage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outbox entries read as the contract writes them, and a channel's batch coalesced into what is sent. */
class OutboundCoalescingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void only_the_latest_level_per_product_and_location_is_sent_and_the_rest_are_counted() {
        List<PushPlan.Pending> batch = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            batch.add(level(i, "GL-A", null, i));
        }
        batch.add(level(11, "GL-A", "store-2", 4));
        batch.add(level(12, "GL-B", null, 9));

        PushPlan plan = PushPlan.of(batch, 1);

        assertThat(plan.units()).extracting(u -> u.messages().get(0).message().messageId())
                .containsExactly("OMNI-OB-10", "OMNI-OB-11", "OMNI-OB-12");
        assertThat(((OutboundMessage.StockLevel) plan.units().get(0).messages().get(0).message()).availableToSell())
                .isEqualByComparingTo(BigDecimal.TEN);
        assertThat(plan.superseded()).hasSize(9);
    }

    @Test
    void levels_are_grouped_up_to_the_connectors_batch_size_and_fulfilments_go_alone() {
        List<PushPlan.Pending> batch = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            batch.add(level(i, "GL-" + i, null, i));
        }
        batch.add(pending(entry(31, "FULFILMENT", "{\"orderId\":\"4711\",\"lineIds\":[\"L1\"],\"carrier\":\"SF Express\","
                + "\"trackingNumber\":\"SF123\",\"trackingUrl\":null}")));

        PushPlan plan = PushPlan.of(batch, 25);

        assertThat(plan.units()).extracting(u -> u.messages().size()).containsExactly(1, 25, 5);
        assertThat(plan.units().get(0).stockBatch()).isFalse();
        assertThat(plan.units().get(0).messages().get(0).message()).isInstanceOf(OutboundMessage.FulfilmentNotice.class);
        assertThat(plan.units().get(1).stockBatch()).isTrue();
        assertThat(plan.superseded()).isEmpty();
    }

    @Test
    void an_entry_is_keyed_by_channel_and_product_or_order() {
        assertThat(OutboxEntry.read(entry(1, "STOCK_LEVEL", "{\"sku\":\"GL-AVIATOR-BLK\",\"productId\":\"P1\",\"locationId\":null,"
                + "\"availableToSell\":7}")).key()).isEqualTo("shop-eu:stock:GL-AVIATOR-BLK");
        assertThat(OutboxEntry.read(entry(2, "STOCK_LEVEL", "{\"productId\":\"gid://shopify/InventoryItem/1\","
                + "\"availableToSell\":\"7\"}")).key()).isEqualTo("shop-eu:stock:gid://shopify/InventoryItem/1");
        assertThat(OutboxEntry.read(entry(3, "FULFILMENT", "{\"orderId\":\"4711\"}")).key()).isEqualTo("shop-eu:order:4711");
    }

    @Test
    void an_entry_that_is_not_the_contracts_is_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> OutboxEntry.read(entry(1, "PRICE", "{}")))
                .hasMessage("outbox entry OMNI-OB-1: type 'PRICE' is not STOCK_LEVEL or FULFILMENT");
        assertThatThrownBy(() -> OutboxEntry.read(entry(2, "STOCK_LEVEL", "{\"sku\":\"GL-A\",\"availableToSell\":\"many\"}")))
                .hasMessage("outbox entry OMNI-OB-2: payload.availableToSell 'many' is not a number");
        assertThatThrownBy(() -> OutboxEntry.read(entry(3, "STOCK_LEVEL", "{\"availableToSell\":1}")))
                .hasMessage("outbox entry OMNI-OB-3: payload has neither sku nor productId");
        assertThatThrownBy(() -> OutboxEntry.read("{\"cursor\":\"1\",\"messageId\":\"M\"}".getBytes()))
                .hasMessage("outbox entry M has no channelId");
        assertThatThrownBy(() -> OutboxEntry.read("[".getBytes())).hasMessageStartingWith("record is not JSON");
    }

    private static PushPlan.Pending level(int n, String sku, String location, int available) {
        return pending(entry(n, "STOCK_LEVEL", "{\"sku\":\"" + sku + "\",\"locationId\":" + (location == null ? "null"
                : "\"" + location + "\"") + ",\"availableToSell\":" + available + "}"));
    }

    private static PushPlan.Pending pending(byte[] json) {
        OutboxEntry entry = OutboxEntry.read(json);
        return new PushPlan.Pending(new ConsumerRecord<>("omni.outbound", 0, 0, entry.key(), json), entry, entry.message());
    }

    private static byte[] entry(int n, String type, String payload) {
        try {
            return JSON.writeValueAsBytes(JSON.readTree("{\"cursor\":\"" + String.format("%016d", n) + "\",\"messageId\":\"OMNI-OB-"
                    + n + "\",\"channelId\":\"shop-eu\",\"type\":\"" + type + "\",\"createdAt\":\"2026-11-20T02:15:03Z\","
                    + "\"payload\":" + payload + "}"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
