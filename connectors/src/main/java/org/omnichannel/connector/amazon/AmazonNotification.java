package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;

import java.time.Instant;

/**
 * The envelope of an SP-API notification (the body of the SQS message). Older types (ORDER_CHANGE,
 * LISTINGS_*) spell its keys in PascalCase ({@code NotificationType}, {@code Payload},
 * {@code NotificationMetadata.NotificationId}); newer ones (ITEM_INVENTORY_EVENT_CHANGE...) in camelCase.
 * Both are read.
 *
 * @param notificationId Amazon's id of the notification: SQS delivers at least once, this is the same each time
 */
record AmazonNotification(String type, Instant eventTime, String notificationId, String applicationId,
                          JsonNode payload) {

    static AmazonNotification of(JsonNode body) {
        String type = textOf(either(body, "NotificationType"));
        if (type == null) {
            throw new BadPayloadException("amazon notification has no NotificationType (or notificationType)");
        }
        JsonNode metadata = either(body, "NotificationMetadata");
        String notificationId = textOf(either(metadata, "NotificationId"));
        if (notificationId == null) {
            throw new BadPayloadException("amazon " + type + " has no NotificationMetadata.NotificationId");
        }
        JsonNode payload = either(body, "Payload");
        if (payload == null || !payload.isObject()) {
            throw new BadPayloadException("amazon " + type + " " + notificationId + " has no Payload object");
        }
        JsonNode time = either(body, "EventTime");
        Instant eventTime = time == null || time.isNull() ? null : JsonBodies.instant(body, fieldName(body, "EventTime"), "notification");
        return new AmazonNotification(type, eventTime, notificationId,
                textOf(either(metadata, "ApplicationId")), payload);
    }

    /** The child under its PascalCase name or its camelCase one. */
    static JsonNode either(JsonNode parent, String pascal) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(pascal);
        return node != null ? node : parent.get(camel(pascal));
    }

    /** A value node's text, or null when absent, null, a container or blank. */
    static String textOf(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode() || node.asText().isBlank()) {
            return null;
        }
        return node.asText();
    }

    private static String fieldName(JsonNode parent, String pascal) {
        return parent.has(pascal) ? pascal : camel(pascal);
    }

    private static String camel(String pascal) {
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** What a skip detail may say about it: type and id, no personal data. */
    String describe() {
        return "amazon " + type + " " + notificationId;
    }
}
