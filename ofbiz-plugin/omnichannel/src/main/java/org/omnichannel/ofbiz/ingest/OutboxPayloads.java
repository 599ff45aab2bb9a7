package org.omnichannel.ofbiz.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * The payloads of outbox rows, field for field those of the connector SPI's
 * OutboundMessage.StockLevel and FulfilmentNotice (docs/ofbiz-hub-contract.md).
 */
public final class OutboxPayloads {

    /** Enumeration ids of OMNI_OUTBOX_TYPE, and the type names the hub reads. */
    public static final String STOCK_LEVEL_ENUM = "OMNI_OB_STOCK_LEVEL";
    public static final String FULFILMENT_ENUM = "OMNI_OB_FULFILMENT";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutboxPayloads() {
    }

    /** The contract's type name for an OMNI_OUTBOX_TYPE enumeration id. */
    public static String typeName(String messageTypeEnumId) {
        return switch (messageTypeEnumId) {
            case STOCK_LEVEL_ENUM -> "STOCK_LEVEL";
            case FULFILMENT_ENUM -> "FULFILMENT";
            default -> throw new IllegalArgumentException("unknown outbox message type " + messageTypeEnumId);
        };
    }

    public static String stockLevel(String sku, String productId, String locationId, BigDecimal availableToSell) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sku", sku);
        node.put("productId", productId);
        if (locationId == null) {
            node.putNull("locationId");
        } else {
            node.put("locationId", locationId);
        }
        node.put("availableToSell", new BigDecimal(availableToSell.stripTrailingZeros().toPlainString()));
        return json(node);
    }

    public static String fulfilment(String orderId, List<String> lineIds, String carrier, String trackingNumber,
            String trackingUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("orderId", orderId);
        ArrayNode lines = node.putArray("lineIds");
        lineIds.forEach(lines::add);
        putNullable(node, "carrier", carrier);
        putNullable(node, "trackingNumber", trackingNumber);
        putNullable(node, "trackingUrl", trackingUrl);
        return json(node);
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
