package org.omnichannel.ofbiz.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.omnichannel.ofbiz.ingest.IngestOutcome;

/** The JSON answers of the hub's API (docs/ofbiz-hub-contract.md), as UTF-8 bytes. */
public final class ApiAnswers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiAnswers() {
    }

    /** {@code {"error": "..."}} for 400, 401, 403 and 500 answers. */
    public static byte[] error(String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("error", message);
        return bytes(root);
    }

    /** {@code {"results": [{"eventId", "status", "reason"?}...]}}, one per event in the order sent. */
    public static byte[] ingestResults(List<IngestOutcome> outcomes) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (IngestOutcome outcome : outcomes) {
            ObjectNode result = results.addObject();
            if (outcome.eventId() == null) {
                result.putNull("eventId");
            } else {
                result.put("eventId", outcome.eventId());
            }
            result.put("status", outcome.status().name());
            if (outcome.reason() != null) {
                result.put("reason", outcome.reason());
            }
        }
        return bytes(root);
    }

    /**
     * {@code {"entries": [...], "nextCursor": "..."}}: each entry map holds cursor, messageId,
     * channelId, type, createdAt and payloadJson (the stored payload, embedded as JSON).
     */
    public static byte[] outboxEntries(List<Map<String, Object>> entries, String nextCursor) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("entries");
        for (Map<String, Object> entry : entries) {
            ObjectNode node = list.addObject();
            node.put("cursor", (String) entry.get("cursor"));
            node.put("messageId", (String) entry.get("messageId"));
            node.put("channelId", (String) entry.get("channelId"));
            node.put("type", (String) entry.get("type"));
            node.put("createdAt", (String) entry.get("createdAt"));
            node.set("payload", payload((String) entry.get("payloadJson")));
        }
        if (nextCursor == null) {
            root.putNull("nextCursor");
        } else {
            root.put("nextCursor", nextCursor);
        }
        return bytes(root);
    }

    /** {@code {"acknowledged": n}}. */
    public static byte[] acknowledged(long count) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("acknowledged", count);
        return bytes(root);
    }

    private static JsonNode payload(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row holds a payload that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
