package org.omnichannel.ofbiz.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void cursors_sort_as_strings_in_write_order() {
        List<String> cursors = LongStream.of(1, 9, 10, 99, 100, 1042, 10_000_000_000L).mapToObj(OutboxCursor::of).toList();
        assertThat(cursors).isSorted().allMatch(c -> c.length() == 16);
        assertThat(OutboxCursor.of(1042)).isEqualTo("0000000000001042");
    }

    @Test
    void a_cursor_the_outbox_never_wrote_is_refused() {
        assertThat(OutboxCursor.checked("")).isEmpty();
        assertThat(OutboxCursor.checked(null)).isEmpty();
        assertThatThrownBy(() -> OutboxCursor.checked("1042")).hasMessageContaining("16 digits");
        assertThatThrownBy(() -> OutboxCursor.checked("00000000000010a2")).hasMessageContaining("not one this outbox wrote");
        assertThatThrownBy(() -> OutboxCursor.of(-1)).hasMessageContaining("negative");
    }

    @Test
    void a_stock_level_payload_has_the_connector_spi_fields() throws Exception {
        JsonNode payload = mapper.readTree(OutboxPayloads.stockLevel("GL-AVIATOR-BLK", "GL-AVIATOR-BLK", null, new BigDecimal("7.000000")));
        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("sku", "productId", "locationId", "availableToSell");
        assertThat(payload.get("availableToSell").toString()).isEqualTo("7");
        assertThat(payload.get("locationId").isNull()).isTrue();
        assertThat(mapper.readTree(OutboxPayloads.stockLevel("S", "P", "L", new BigDecimal("100"))).get("availableToSell").toString())
                .isEqualTo("100");
    }

    @Test
    void a_fulfilment_payload_has_the_connector_spi_fields() throws Exception {
        JsonNode payload = mapper.readTree(OutboxPayloads.fulfilment("4711", List.of("L1"), "SF Express", "SF123", null));
        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("orderId", "lineIds", "carrier", "trackingNumber", "trackingUrl");
        assertThat(payload.at("/lineIds/0").asText()).isEqualTo("L1");
    }

    @Test
    void outbox_types_map_to_the_contract_names() {
        assertThat(OutboxPayloads.typeName(OutboxPayloads.STOCK_LEVEL_ENUM)).isEqualTo("STOCK_LEVEL");
        assertThat(OutboxPayloads.typeName(OutboxPayloads.FULFILMENT_ENUM)).isEqualTo("FULFILMENT");
        assertThatThrownBy(() -> OutboxPayloads.typeName("X")).hasMessageContaining("unknown outbox message type X");
    }

    @Test
    void an_outcome_that_is_not_accepted_must_say_why() {
        assertThatThrownBy(() -> new IngestOutcome("e", IngestStatus.REJECTED, " ")).hasMessageContaining("needs a reason");
        assertThat(IngestOutcome.accepted("e").reason()).isNull();
    }
}
