package org.omnichannel.connector.spi;

import java.util.Map;

/**
 * A reference to one vendor object to fetch: what a notification or a poll page names. Made of
 * strings only, so the hub can queue it as JSON and fetch it later, in another process.
 *
 * @param objectType     the vendor's kind of object ("order")
 * @param objectId       the vendor's id of it
 * @param attributes     what else the fetch needs (marketplace id, seller id); never secrets or personal data
 * @param notificationId the vendor's id of the notification that named it (for deduplication and
 *                       logs), or "poll" when a poll found it
 */
public record FetchRef(String objectType, String objectId, Map<String, String> attributes, String notificationId) {

    /** The notificationId of references a poll found. */
    public static final String POLL = "poll";

    public FetchRef {
        if (objectType == null || objectType.isBlank() || objectId == null || objectId.isBlank()) {
            throw new IllegalArgumentException("a fetch reference needs an object type and an object id");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        notificationId = notificationId == null || notificationId.isBlank() ? POLL : notificationId;
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
