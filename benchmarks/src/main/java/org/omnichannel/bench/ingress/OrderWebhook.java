package org.omnichannel.bench.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.Signatures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one request every server of the benchmark receives: a Shopify {@code orders/create}
 * delivery of about 2 KB, made from the recorded REST order of ../shared/fixtures/shopify (its
 * scalar fields, customer, addresses and first line; the embedded refunds, fulfilments and
 * price sets are left out), signed the way Shopify signs: {@code X-Shopify-Hmac-Sha256} is the
 * Base64 HMAC-SHA256 of the body with the channel's secret.
 */
public record OrderWebhook(byte[] body, Map<String, String> headers) {

    public static final String SHOP_DOMAIN = "shop1.myshopify.io";

    private static final List<String> ORDER_FIELDS = List.of("id", "admin_graphql_api_id", "name", "order_number", "email",
            "phone", "created_at", "updated_at", "processed_at", "currency", "financial_status", "source_name", "token",
            "total_price", "subtotal_price", "total_tax", "total_discounts", "total_line_items_price",
            "total_shipping_price_set", "discount_codes", "note_attributes");
    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "address1", "city", "zip",
            "province", "province_code", "country", "country_code", "phone");

    /** The order of {@code fixtures/shopify/orders.rest-resource.json}, signed with {@code secret}. */
    public static OrderWebhook signed(Path fixtures, String secret) {
        ObjectMapper json = new ObjectMapper();
        JsonNode order;
        Path file = fixtures.resolve("shopify").resolve("orders.rest-resource.json");
        try {
            order = json.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Shopify order fixture " + file, e);
        }
        ObjectNode body = json.createObjectNode();
        ORDER_FIELDS.forEach(field -> body.set(field, order.get(field)));
        body.set("customer", scalars(json, order.get("customer")));
        body.set("billing_address", address(json, order.get("billing_address")));
        body.set("shipping_address", address(json, order.get("shipping_address")));
        JsonNode firstLine = order.get("line_items").get(0);
        ObjectNode line = scalars(json, firstLine);
        ArrayNode allocations = line.putArray("discount_allocations");
        firstLine.path("discount_allocations").forEach(a -> allocations.add(scalars(json, a)));
        body.putArray("line_items").add(line);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", "orders/create");
        headers.put("X-Shopify-Shop-Domain", SHOP_DOMAIN);
        headers.put("X-Shopify-API-Version", "2025-07");
        headers.put("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        headers.put("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, bytes)));
        return new OrderWebhook(bytes, Map.copyOf(headers));
    }

    private static ObjectNode scalars(ObjectMapper json, JsonNode node) {
        ObjectNode copy = json.createObjectNode();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }

    private static ObjectNode address(ObjectMapper json, JsonNode node) {
        ObjectNode copy = json.createObjectNode();
        ADDRESS_FIELDS.forEach(field -> copy.set(field, node.get(field)));
        return copy;
    }
}
