package org.omnichannel.ofbiz.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of the hub's three requests (docs/ofbiz-hub-contract.md), read strictly: anything
 * else is a {@link BadRequest} whose message says what is wrong, answered 400.
 */
public final class ApiRequests {

    /** The most events one ingest request may carry. */
    public static final int MAX_EVENTS = 500;
    /** The most outbox entries one read answers. */
    public static final int MAX_OUTBOX_LIMIT = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiRequests() {
    }

    /** A body that is not what the request takes. */
    public static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }

    /** An outboxRead body: {@code {"after": "<cursor or empty>", "limit": 200}}. */
    public record OutboxRead(String after, int limit) {
    }

    /**
     * The events of an ingest body, each as its own JSON text (each is validated and applied on
     * its own, so one bad event does not reject the batch).
     */
    public static List<String> ingestEvents(byte[] body) throws BadRequest {
        JsonNode root = parse(body);
        if (!root.isArray()) {
            throw new BadRequest("the body must be a JSON array of ChannelEvents, was a JSON " + kind(root));
        }
        if (root.size() > MAX_EVENTS) {
            throw new BadRequest("the body carries " + root.size() + " events; send at most " + MAX_EVENTS + " per request");
        }
        List<String> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode event = root.get(i);
            if (!event.isObject()) {
                throw new BadRequest("$[" + i + "] must be a ChannelEvent object, was a JSON " + kind(event));
            }
            events.add(event.toString());
        }
        return events;
    }

    /**
     * The eventId an event carries, read without validating the event, or null: a rejected
     * event is answered with its eventId whenever it has a readable one, so the hub can name it.
     */
    public static String eventIdOf(String event) {
        try {
            JsonNode id = MAPPER.readTree(event).path("eventId");
            return id.isTextual() ? id.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** An outboxRead body; a missing {@code after} reads from the start, a missing limit means 200. */
    public static OutboxRead outboxRead(byte[] body) throws BadRequest {
        JsonNode root = object(body);
        JsonNode after = root.path("after");
        if (!after.isMissingNode() && !after.isNull() && !after.isTextual()) {
            throw new BadRequest("$.after must be a cursor string, was a JSON " + kind(after));
        }
        JsonNode limit = root.path("limit");
        int n = 200;
        if (!limit.isMissingNode() && !limit.isNull()) {
            if (!limit.canConvertToInt() || !limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > MAX_OUTBOX_LIMIT) {
                throw new BadRequest("$.limit must be a whole number from 1 to " + MAX_OUTBOX_LIMIT + ", was " + limit);
            }
            n = limit.asInt();
        }
        String cursor = after.isTextual() ? after.asText() : "";
        return new OutboxRead(cursor, n);
    }

    /** The cursor of an outboxAck body: {@code {"upTo": "<cursor>"}}. */
    public static String outboxAck(byte[] body) throws BadRequest {
        JsonNode upTo = object(body).path("upTo");
        if (!upTo.isTextual() || upTo.asText().isBlank()) {
            throw new BadRequest("$.upTo must be the cursor of the last entry published");
        }
        return upTo.asText();
    }

    private static JsonNode object(byte[] body) throws BadRequest {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new BadRequest("the body must be a JSON object, was a JSON " + kind(root));
        }
        return root;
    }

    private static JsonNode parse(byte[] body) throws BadRequest {
        if (body == null || body.length == 0) {
            throw new BadRequest("the body is empty: send JSON with Content-Type application/json");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new BadRequest("the body is empty: send JSON with Content-Type application/json");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("the body could not be read: " + e.getMessage());
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
