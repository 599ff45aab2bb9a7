package org.omnichannel.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.MappingResult.Skipped;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.PersonDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the {@code entry} items of one notification (Meta batches up to 1000, each with several
 * {@code changes} or {@code messaging} items) and collects what produced no event.
 *
 * <ul>
 *   <li>Instagram {@code comments} / {@code live_comments} change → INTERACTION COMMENT (eventId from the comment id).</li>
 *   <li>Page {@code feed} change with {@code item=comment, verb=add} → COMMENT; {@code item=reaction|like, verb=add} → LIKE.</li>
 *   <li>{@code messaging} item with a {@code message} that is not an echo of the page's own → INTERACTION MESSAGE
 *       (eventId from the {@code mid}).</li>
 * </ul>
 * The fan is a {@code SOCIAL_HANDLE}: the sender's page- or account-scoped id in the namespace
 * {@code facebook:<page id>} / {@code instagram:<account id>} (those ids are scoped so), and an
 * Instagram username in the namespace {@code instagram}. Times: {@code entry.time} is Unix seconds
 * for changes, {@code messaging[].timestamp} milliseconds; a value above 10^11 is read as milliseconds.
 */
final class MetaEntryMapper {

    private final String object;
    private final ChannelContext channel;
    private final Instant receivedAt;
    private final List<ChannelEvent> events = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    MetaEntryMapper(String object, ChannelContext channel, Instant receivedAt) {
        this.object = object;
        this.channel = channel;
        this.receivedAt = receivedAt;
    }

    List<ChannelEvent> events() {
        return events;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    void entry(JsonNode entry, String where) {
        String accountId = JsonBodies.requireText(entry, "id", where);
        Instant time = time(JsonBodies.text(entry, "time"));
        JsonNode changes = entry.path("changes");
        for (int i = 0; i < changes.size(); i++) {
            change(changes.get(i), accountId, time, where + ".changes[" + i + "]");
        }
        JsonNode messaging = entry.path("messaging");
        for (int i = 0; i < messaging.size(); i++) {
            message(messaging.get(i), accountId, where + ".messaging[" + i + "]");
        }
        if (changes.isEmpty() && messaging.isEmpty()) {
            skipped.add(new Skipped(SkipReason.NOT_ACTIONABLE, "meta " + where + " has neither changes nor messaging"));
        }
    }

    private void change(JsonNode change, String accountId, Instant time, String where) {
        String field = JsonBodies.requireText(change, "field", where);
        JsonNode value = JsonBodies.requireObject(change, "value", where);
        if (object.equals("instagram") && (field.equals("comments") || field.equals("live_comments"))) {
            String id = JsonBodies.requireText(value, "id", where + ".value");
            JsonNode from = value.path("from");
            List<Identity> who = new ArrayList<>();
            String sender = JsonBodies.text(from, "id");
            if (sender != null) {
                who.add(new Identity(IdentityType.SOCIAL_HANDLE, sender, "instagram:" + accountId, true));
            }
            String username = JsonBodies.text(from, "username");
            if (username != null) {
                who.add(new Identity(IdentityType.SOCIAL_HANDLE, username, "instagram", true));
            }
            Map<String, String> attributes = attributes(accountId);
            put(attributes, "mediaId", JsonBodies.text(value.path("media"), "id"));
            put(attributes, "mediaProductType", JsonBodies.text(value.path("media"), "media_product_type"));
            put(attributes, "parentId", JsonBodies.text(value, "parent_id"));
            add(InteractionKind.COMMENT, time, who, null, JsonBodies.text(value, "text"), attributes, "comment", id);
        } else if (object.equals("page") && field.equals("feed")) {
            feed(value, accountId, time, where);
        } else {
            skipped.add(new Skipped(SkipReason.UNSUPPORTED_TYPE, "meta " + object + " change field '" + field
                    + "' at " + where + " is not mapped; mapped: instagram comments, live_comments; page feed"));
        }
    }

    private void feed(JsonNode value, String pageId, Instant time, String where) {
        String item = JsonBodies.text(value, "item");
        String verb = JsonBodies.text(value, "verb");
        InteractionKind kind = !"add".equals(verb) ? null
                : "comment".equals(item) ? InteractionKind.COMMENT
                : "reaction".equals(item) || "like".equals(item) ? InteractionKind.LIKE : null;
        if (kind == null) {
            skipped.add(new Skipped(SkipReason.UNSUPPORTED_TYPE, "meta page feed change at " + where + " with item '"
                    + item + "' and verb '" + verb + "' is not mapped; mapped: comment/add, reaction/add, like/add"));
            return;
        }
        JsonNode from = value.path("from");
        String sender = JsonBodies.requireText(from, "id", where + ".value.from");
        Map<String, String> attributes = attributes(pageId);
        put(attributes, "postId", JsonBodies.text(value, "post_id"));
        put(attributes, "parentId", JsonBodies.text(value, "parent_id"));
        put(attributes, "reaction", JsonBodies.text(value, "reaction_type"));
        Instant created = time(JsonBodies.text(value, "created_time"));
        String id = kind == InteractionKind.COMMENT
                ? JsonBodies.requireText(value, "comment_id", where + ".value")
                : sender + "/" + JsonBodies.requireText(value, "post_id", where + ".value");
        add(kind, created != null ? created : time,
                List.of(new Identity(IdentityType.SOCIAL_HANDLE, sender, "facebook:" + pageId, true)),
                JsonBodies.text(from, "name"), JsonBodies.text(value, "message"), attributes,
                kind == InteractionKind.COMMENT ? "comment" : "reaction", id);
    }

    private void message(JsonNode item, String accountId, String where) {
        JsonNode message = item.path("message");
        if (!message.isObject()) {
            skipped.add(new Skipped(SkipReason.UNSUPPORTED_TYPE, "meta messaging item at " + where
                    + " is not a message (delivery, read, postback...): not mapped"));
            return;
        }
        String mid = JsonBodies.requireText(message, "mid", where + ".message");
        if (message.path("is_echo").asBoolean(false)) {
            skipped.add(new Skipped(SkipReason.NOT_ACTIONABLE, "meta message " + mid + " is an echo of the page's own message"));
            return;
        }
        String sender = JsonBodies.requireText(item.path("sender"), "id", where + ".sender");
        String namespace = (object.equals("instagram") ? "instagram:" : "facebook:") + accountId;
        Map<String, String> attributes = attributes(accountId);
        put(attributes, "attachments", message.path("attachments").isArray()
                ? String.valueOf(message.path("attachments").size()) : null);
        Instant sent = time(JsonBodies.text(item, "timestamp"));
        add(InteractionKind.MESSAGE, sent, List.of(new Identity(IdentityType.SOCIAL_HANDLE, sender, namespace, true)),
                null, JsonBodies.text(message, "text"), attributes, "message", mid);
    }

    private void add(InteractionKind kind, Instant occurredAt, List<Identity> who, String name, String text,
                     Map<String, String> attributes, String idKind, String id) {
        ChannelEvent.Builder builder = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), MetaConnector.SYSTEM)
                .externalId(idKind, id)
                .type(EventType.INTERACTION)
                .occurredAt(occurredAt != null ? occurredAt : receivedAt)
                .receivedAt(receivedAt)
                .payload(new InteractionPayload(kind, List.of(), null, null, null, text, null, attributes));
        who.forEach(builder::identity);
        if (name != null) {
            builder.person(PersonDetails.named(name));
        }
        events.add(builder.build());
    }

    private Map<String, String> attributes(String accountId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("network", object.equals("instagram") ? "instagram" : "facebook");
        attributes.put(object.equals("instagram") ? "accountId" : "pageId", accountId);
        return attributes;
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    /** Unix seconds or milliseconds (above 10^11), or null. */
    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number <= 0) {
                return null;
            }
            return number > 100_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        } catch (NumberFormatException e) {
            try {
                // Page feed created_time may be ISO-8601 ("2026-11-20T02:15:00+0000").
                return java.time.OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"))
                        .toInstant();
            } catch (java.time.format.DateTimeParseException notIso) {
                throw new IllegalArgumentException("time '" + value + "' is neither Unix seconds nor milliseconds");
            }
        }
    }
}
