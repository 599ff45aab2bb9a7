package org.omnichannel.connector.wechat;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an official-account push to an INTERACTION of the fan whose openid is FromUserName (a verified
 * WECHAT_OPENID in the namespace of the channel's appId):
 * <ul>
 * <li>{@code text} message → MESSAGE with the text; eventId from MsgId;</li>
 * <li>{@code subscribe} event → FOLLOW; from a parametric QR code (EventKey {@code qrscene_<scene>}) the
 *     scene gives the facility and/or employee ({@link WechatScene});</li>
 * <li>{@code SCAN} event (a follower scanned a parametric QR code) → VISIT with the scene likewise;</li>
 * <li>everything else (unsubscribe, CLICK, VIEW, LOCATION, image, voice, debug_demo...) → reported as
 *     skipped as UNSUPPORTED_TYPE, acknowledged with "success" so WeChat does not retry.</li>
 * </ul>
 * Events carry no id of their own, so their eventId is derived from FromUserName + CreateTime + Event,
 * which is how WeChat's docs say to deduplicate retries. The account's own id (ToUserName, gh_...) is
 * kept as attribute {@code account}.
 */
final class WechatMessageMapper {

    private static final String QR_PREFIX = "qrscene_";

    private WechatMessageMapper() {
    }

    static MappingResult map(WechatMessage message, ChannelContext channel, Instant receivedAt, ConnectorResponse ack) {
        String msgType = message.require("MsgType");
        if (msgType.equals("text")) {
            return new MappingResult(List.of(text(message, channel, receivedAt)), ack);
        }
        if (msgType.equals("event")) {
            String event = message.require("Event");
            switch (event) {
                case "subscribe" -> {
                    String key = message.get("EventKey").orElse("");
                    String scene = key.startsWith(QR_PREFIX) ? key.substring(QR_PREFIX.length()) : null;
                    return new MappingResult(List.of(interaction(message, channel, receivedAt, InteractionKind.FOLLOW,
                            scene, null)), ack);
                }
                case "SCAN" -> {
                    return new MappingResult(List.of(interaction(message, channel, receivedAt, InteractionKind.VISIT,
                            message.require("EventKey"), null)), ack);
                }
                default -> {
                    return MappingResult.skipped(SkipReason.UNSUPPORTED_TYPE,
                            "wechat-oa event '" + event + "' is not mapped", ack);
                }
            }
        }
        return MappingResult.skipped(SkipReason.UNSUPPORTED_TYPE,
                "wechat-oa message type '" + msgType + "' is not mapped", ack);
    }

    private static ChannelEvent text(WechatMessage message, ChannelContext channel, Instant receivedAt) {
        return interaction(message, channel, receivedAt, InteractionKind.MESSAGE, null, message.require("Content"));
    }

    private static ChannelEvent interaction(WechatMessage message, ChannelContext channel, Instant receivedAt,
                                            InteractionKind kind, String scene, String text) {
        String openid = message.require("FromUserName");
        Instant createdAt = createTime(message);
        Map<String, String> attributes = new LinkedHashMap<>();
        message.get("ToUserName").ifPresent(account -> attributes.put("account", account));
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), channel.system());
        if (kind == InteractionKind.MESSAGE && message.get("MsgId").isPresent()) {
            event.externalId("wechat-msg", message.require("MsgId"));
        } else {
            event.externalId("wechat-event", openid, String.valueOf(createdAt.getEpochSecond()),
                    message.get("Event").orElse(message.require("MsgType")));
        }
        if (scene != null && !scene.isBlank()) {
            WechatScene parsed = WechatScene.parse(scene);
            attributes.put("scene", parsed.raw());
            event.facility(parsed.facility()).employee(parsed.employee());
        }
        return event.type(EventType.INTERACTION)
                .occurredAt(createdAt)
                .receivedAt(receivedAt)
                .identity(new Identity(IdentityType.WECHAT_OPENID, openid, channel.requiredSetting("appId"), true))
                .payload(new InteractionPayload(kind, List.of(), null, null, null, text, null, attributes))
                .build();
    }

    private static Instant createTime(WechatMessage message) {
        String value = message.require("CreateTime");
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new BadPayloadException("WeChat push CreateTime '" + value + "' is not Unix seconds");
        }
    }
}
