package org.omnichannel.ofbiz.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.omnichannel.ofbiz.ingest.IngestOutcome;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers have the shape docs/ofbiz-hub-contract.md gives them. */
class ApiAnswersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void ingest_results_are_one_per_event_in_order_with_reasons_only_where_due() throws Exception {
        JsonNode answer = mapper.readTree(ApiAnswers.ingestResults(List.of(
                IngestOutcome.accepted("e1"), IngestOutcome.duplicate("e2"),
                IngestOutcome.rejected("e3", "$.channelId: channel 'x' is not set up"), IngestOutcome.retry(null, "lock timeout"))));
        assertThat(answer.get("results")).hasSize(4);
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.at("/results/0").has("reason")).isFalse();
        assertThat(answer.at("/results/1/status").asText()).isEqualTo("DUPLICATE");
        assertThat(answer.at("/results/2/reason").asText()).contains("channel 'x'");
        assertThat(answer.at("/results/3/eventId").isNull()).isTrue();
        assertThat(answer.at("/results/3/status").asText()).isEqualTo("RETRY");
    }

    @Test
    void outbox_entries_embed_the_stored_payload_as_json() throws Exception {
        JsonNode answer = mapper.readTree(ApiAnswers.outboxEntries(List.of(Map.of("cursor", "0000000000001042",
                "messageId", "OMNI-OB-1042", "channelId", "shop-eu", "type", "STOCK_LEVEL", "createdAt", "2026-11-20T02:15:03Z",
                "payloadJson", "{\"sku\":\"GL-AVIATOR-BLK\",\"availableToSell\":7}")), "0000000000001042"));
        assertThat(answer.at("/entries/0/payload/availableToSell").asInt()).isEqualTo(7);
        assertThat(answer.at("/entries/0/type").asText()).isEqualTo("STOCK_LEVEL");
        assertThat(answer.get("nextCursor").asText()).isEqualTo("0000000000001042");
        assertThat(mapper.readTree(ApiAnswers.outboxEntries(List.of(), null)).get("nextCursor").isNull()).isTrue();
    }

    @Test
    void acknowledgements_and_errors_are_small_objects() throws Exception {
        assertThat(mapper.readTree(ApiAnswers.acknowledged(3)).get("acknowledged").asLong()).isEqualTo(3);
        assertThat(mapper.readTree(ApiAnswers.error("no \"quotes\" break it")).get("error").asText()).isEqualTo("no \"quotes\" break it");
    }
}
