package org.omnichannel.hub.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.JsonBodies;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reference to fetch, as queued on {@value FetchTopics#FETCH}: the channel it came in on, the
 * connector's {@link FetchRef} and when the hub received the notification (or ran the poll). Only ids
 * and types: never a secret or personal data.
 *
 * <pre>{"channel":"amazon-us","objectType":"order","objectId":"902-1845936-5435065",
 *  "attributes":{"marketplaceId":"ATVPDKIKX0DER"},"notificationId":"d0e9e693-...","receivedAt":"2026-11-23T12:00:00Z"}</pre>
 */
public record FetchTask(String channelId, FetchRef ref, Instant receivedAt) {

    public FetchTask {
        if (channelId == null || channelId.isBlank() || ref == null || receivedAt == null) {
            throw new IllegalArgumentException("a fetch task needs a channel, a reference and a receive time");
        }
    }

    /**
     * The Kafka key: channel, object type and id. Every fetch of one object lands on one partition, so
     * they run in order, on one hub at a time, and that hub's memory of what it published catches repeats.
     */
    public String key() {
        return channelId + ":" + ref.objectType() + ":" + ref.objectId();
    }

    /**
     * This reference of this vendor notification (one notification may name several objects), or null for a
     * reference a poll found: what deduplicates a notification delivered twice.
     */
    public String notificationKey() {
        return FetchRef.POLL.equals(ref.notificationId()) ? null : key() + "#" + ref.notificationId();
    }

    public byte[] toJson() {
        ObjectNode json = JsonBodies.mapper().createObjectNode();
        json.put("channel", channelId);
        json.put("objectType", ref.objectType());
        json.put("objectId", ref.objectId());
        ObjectNode attributes = json.putObject("attributes");
        ref.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> attributes.put(e.getKey(), e.getValue()));
        json.put("notificationId", ref.notificationId());
        json.put("receivedAt", receivedAt.toString());
        try {
            return JsonBodies.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a fetch task", e);
        }
    }

    /** @throws IllegalArgumentException naming what is missing or wrong */
    public static FetchTask read(byte[] json) {
        JsonNode node;
        try {
            node = JsonBodies.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a fetch task is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a fetch task is not a JSON object");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        try {
            return new FetchTask(text(node, "channel"), new FetchRef(text(node, "objectType"), text(node, "objectId"),
                    attributes, text(node, "notificationId")), Instant.parse(text(node, "receivedAt")));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("a fetch task has no ISO-8601 receivedAt");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
