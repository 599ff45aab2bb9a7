package org.omnichannel.connector.douyin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;

import java.time.Instant;

/**
 * What every Douyin event shares: the channel, when it was received, the {@code Msg-Id} header, Douyin's
 * {@code log_id}, and {@code content} parsed from its JSON string.
 *
 * @param msgId Douyin's deduplication id: one value for every delivery of one action on one entity
 */
record DouyinEnvelope(ChannelContext channel, Instant receivedAt, String event, String msgId, String logId,
                      String clientKey, JsonNode content) {

    static DouyinEnvelope of(InboundRequest request, JsonNode body, ChannelContext channel) {
        String event = JsonBodies.requireText(body, "event", "body");
        String msgId = request.header("Msg-Id");
        return new DouyinEnvelope(channel, request.receivedAt(), event,
                msgId == null || msgId.isBlank() ? null : msgId.trim(), JsonBodies.text(body, "log_id"),
                JsonBodies.text(body, "client_key"), content(body, event));
    }

    /** {@code content} is a JSON string in real events (an object only in the URL check); both are read. */
    private static JsonNode content(JsonNode body, String event) {
        JsonNode content = body.get("content");
        if (content == null || content.isNull()) {
            throw new BadPayloadException("douyin " + event + ": body.content is missing");
        }
        if (content.isObject()) {
            return content;
        }
        if (!content.isTextual()) {
            throw new BadPayloadException("douyin " + event + ": body.content is neither a JSON string nor an object");
        }
        try {
            JsonNode parsed = JsonBodies.mapper().readTree(content.asText());
            if (parsed == null || !parsed.isObject()) {
                throw new BadPayloadException("douyin " + event + ": body.content is not a JSON object in a string");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new BadPayloadException("douyin " + event + ": body.content is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * An event whose id is the {@code Msg-Id} when Douyin sent one (so duplicates collapse), else the
     * given fallback parts (the entity and action, which identify the message just as well).
     */
    ChannelEvent.Builder event(EventType type, Instant occurredAt, String... fallbackId) {
        ChannelEvent.Builder builder = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), DouyinConnector.SYSTEM)
                .type(type)
                .occurredAt(occurredAt)
                .receivedAt(receivedAt);
        return msgId != null ? builder.externalId("msg", msgId) : builder.externalId(fallbackId);
    }

    /** What a skip detail may name: the event and its ids, never personal data. */
    String describe() {
        return "douyin " + event + (msgId != null ? " Msg-Id " + msgId : "") + (logId != null ? " log_id " + logId : "");
    }
}
