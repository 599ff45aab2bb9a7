package org.omnichannel.hub.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.omnichannel.connector.spi.OutboundMessage;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of OFBiz's outbox as {@code outboxRead} answers it (docs/ofbiz-hub-contract.md, section 2),
 * and as the hub queues it on omni.outbound: the same JSON object, unchanged.
 *
 * @param json the entry as OFBiz sent it
 */
public record OutboxEntry(String cursor, String messageId, String channelId, Type type, JsonNode json) {

    /** What the back office tells the channel. */
    public enum Type { STOCK_LEVEL, FULFILMENT }

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads one entry; the message names the missing or wrong field.
     *
     * @throws IllegalArgumentException when the entry is not one of the contract's
     */
    public static OutboxEntry of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("outbox entry is not a JSON object");
        }
        String cursor = required(json, "cursor");
        String messageId = required(json, "messageId");
        String channelId = required(json, "channelId");
        String typeName = required(json, "type");
        Type type;
        try {
            type = Type.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outbox entry " + messageId + ": type '" + typeName
                    + "' is not STOCK_LEVEL or FULFILMENT");
        }
        if (!json.path("payload").isObject()) {
            throw new IllegalArgumentException("outbox entry " + messageId + " has no payload object");
        }
        OutboxEntry entry = new OutboxEntry(cursor, messageId, channelId, type, json);
        entry.message(); // fails now, with the reason, rather than at the push
        return entry;
    }

    /** Reads an entry as queued on omni.outbound. */
    public static OutboxEntry read(byte[] bytes) {
        try {
            return of(JSON.readTree(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("record is not JSON: " + e.getMessage());
        }
    }

    /** The entries of an outboxRead answer, in cursor order. */
    static List<JsonNode> entriesOf(JsonNode answer) {
        JsonNode entries = answer == null ? null : answer.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("outboxRead answer has no entries array");
        }
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        return list;
    }

    /** The message for the connector. */
    public OutboundMessage message() {
        JsonNode payload = json.path("payload");
        return switch (type) {
            case STOCK_LEVEL -> {
                JsonNode available = payload.get("availableToSell");
                if (available == null || !available.isNumber() && !available.isTextual()) {
                    throw new IllegalArgumentException("outbox entry " + messageId + ": payload.availableToSell is missing");
                }
                BigDecimal level;
                try {
                    level = new BigDecimal(available.asText());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("outbox entry " + messageId + ": payload.availableToSell '"
                            + available.asText() + "' is not a number");
                }
                String sku = text(payload, "sku");
                String productId = text(payload, "productId");
                if (sku == null && productId == null) {
                    throw new IllegalArgumentException("outbox entry " + messageId + ": payload has neither sku nor productId");
                }
                yield new OutboundMessage.StockLevel(messageId, channelId, sku, productId, text(payload, "locationId"), level);
            }
            case FULFILMENT -> {
                String orderId = text(payload, "orderId");
                if (orderId == null) {
                    throw new IllegalArgumentException("outbox entry " + messageId + ": payload.orderId is missing");
                }
                List<String> lines = new ArrayList<>();
                payload.path("lineIds").forEach(line -> lines.add(line.asText()));
                yield new OutboundMessage.FulfilmentNotice(messageId, channelId, orderId, lines, text(payload, "carrier"),
                        text(payload, "trackingNumber"), text(payload, "trackingUrl"));
            }
        };
    }

    /**
     * The Kafka key: {@code <channel>:stock:<sku or productId>} keeps one product's levels of a channel in
     * order on one partition; {@code <channel>:order:<orderId>} does the same for an order's fulfilments.
     */
    public String key() {
        OutboundMessage message = message();
        if (message instanceof OutboundMessage.StockLevel stock) {
            return channelId + ":stock:" + (stock.sku() != null ? stock.sku() : stock.productId());
        }
        return channelId + ":order:" + ((OutboundMessage.FulfilmentNotice) message).orderId();
    }

    /** When OFBiz wrote the entry, or null when it did not say. */
    public String createdAt() {
        return text(json, "createdAt");
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new IllegalArgumentException("outbox entry" + (field.equals("messageId") || !json.hasNonNull("messageId")
                    ? "" : " " + json.get("messageId").asText()) + " has no " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
