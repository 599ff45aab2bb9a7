package org.omnichannel.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    @Test
    void refuses_empty_oversize_and_non_json_bodies_naming_the_system() {
        assertThatThrownBy(() -> JsonBodies.object(request("application/json", new byte[0]), "shopify"))
                .isInstanceOf(BadPayloadException.class).hasMessage("shopify request has an empty body; expected a JSON object");
        byte[] huge = new byte[JsonBodies.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> JsonBodies.object(request("application/json", huge), "stripe"))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("the limit is " + JsonBodies.MAX_BODY_BYTES);
        assertThatThrownBy(() -> JsonBodies.object(request("text/xml", "<a/>".getBytes(StandardCharsets.UTF_8)), "square"))
                .isInstanceOf(BadPayloadException.class).hasMessage("square request has Content-Type 'text/xml'; expected application/json");
        assertThatThrownBy(() -> JsonBodies.object(request("application/json", "{} {}".getBytes(StandardCharsets.UTF_8)), "meta"))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("meta request body is not JSON");
    }

    @Test
    void reads_amounts_exactly_and_names_missing_or_wrong_fields() {
        JsonNode order = JsonBodies.object(request("application/vnd.api+json",
                "{\"total\": 0.1, \"price\": \"12.50\", \"qty\": \"two\", \"at\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8)), "x");

        assertThat(JsonBodies.decimal(order, "total", "order")).isEqualTo(new BigDecimal("0.1"));
        assertThat(JsonBodies.requireDecimal(order, "price", "order")).isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> JsonBodies.decimal(order, "qty", "order")).hasMessage("order.qty is not a number: 'two'");
        assertThatThrownBy(() -> JsonBodies.requireText(order, "id", "order")).hasMessage("order.id is missing");
        assertThatThrownBy(() -> JsonBodies.instant(order, "at", "order"))
                .hasMessage("order.at is not an ISO-8601 date-time with offset: 'yesterday'");
    }

    private static InboundRequest request(String contentType, byte[] body) {
        return InboundRequest.post("/", Map.of("Content-Type", contentType), body);
    }
}
