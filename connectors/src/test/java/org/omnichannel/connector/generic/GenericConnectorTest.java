package org.omnichannel.connector.generic;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericConnectorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:15:00Z");
    private static final String SECRET = "test-secret-not-real";
    private final GenericConnector connector = new GenericConnector(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ChannelContext channel = new ChannelContext("crm-eu", ChannelKind.OWN_ECOMMERCE, "generic",
            Map.of(), Secrets.of("crm-eu", Map.of("webhookSecret", SECRET)));

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("generic")).isInstanceOf(GenericConnector.class);
    }

    @Test
    void accepts_a_correctly_signed_event_and_maps_it_unchanged() {
        ChannelEvent event = visit("crm-eu");
        InboundRequest request = signed(ChannelEventJson.toBytes(event), NOW.getEpochSecond(), SECRET);

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        MappingResult result = connector.map(request, channel);
        assertThat(result.events()).containsExactly(event);
        assertThat(result.acknowledgement().status()).isEqualTo(202);
    }

    @Test
    void rejects_a_tampered_body() {
        byte[] body = ChannelEventJson.toBytes(visit("crm-eu"));
        InboundRequest signed = signed(body, NOW.getEpochSecond(), SECRET);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("VISIT", "LIKE").getBytes(StandardCharsets.UTF_8);
        InboundRequest request = InboundRequest.post("/webhooks/crm-eu", Map.of(
                "x-omni-timestamp", signed.header("X-Omni-Timestamp"),
                "x-omni-signature", signed.header("X-Omni-Signature")), tampered);

        Verification verdict = connector.verify(request, channel);

        assertThat(verdict).isEqualTo(Verification.rejected("no v1 signature matches the body"));
    }

    @Test
    void accepts_the_new_secret_while_a_rotation_sends_two_signatures() {
        byte[] body = ChannelEventJson.toBytes(visit("crm-eu"));
        String old = signed(body, NOW.getEpochSecond(), "old-secret").header("X-Omni-Signature");
        String current = signed(body, NOW.getEpochSecond(), SECRET).header("X-Omni-Signature");
        InboundRequest request = InboundRequest.post("/webhooks/crm-eu", Map.of(
                "X-Omni-Timestamp", String.valueOf(NOW.getEpochSecond()),
                "X-Omni-Signature", old + "," + current), body);

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
    }

    @Test
    void rejects_a_replay_outside_the_tolerance_and_a_missing_signature() {
        byte[] body = ChannelEventJson.toBytes(visit("crm-eu"));

        assertThat(connector.verify(signed(body, NOW.getEpochSecond() - 301, SECRET), channel))
                .isEqualTo(Verification.rejected("timestamp is 301 s away from now; tolerance is 300 s"));
        assertThat(connector.verify(InboundRequest.post("/", Map.of(), body), channel).isVerified()).isFalse();
    }

    @Test
    void refuses_events_addressed_to_another_channel() {
        byte[] body = ChannelEventJson.toBytes(visit("shop-cn"));

        assertThatThrownBy(() -> connector.map(signed(body, NOW.getEpochSecond(), SECRET), channel))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("event is for channel 'shop-cn'")
                .hasMessageContaining("posted to channel 'crm-eu'");
    }

    @Test
    void names_the_event_and_field_that_break_the_schema() {
        String body = "[" + ChannelEventJson.toJson(visit("crm-eu")) + ","
                + ChannelEventJson.toJson(visit("crm-eu")).replace("\"VISIT\"", "\"DANCE\"") + "]";

        assertThatThrownBy(() -> connector.map(signed(body.getBytes(StandardCharsets.UTF_8), NOW.getEpochSecond(), SECRET), channel))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("event [1]")
                .hasMessageContaining("$.payload.subtype");
    }

    private static ChannelEvent visit(String channelId) {
        return ChannelEvent.builder()
                .channel(channelId, ChannelKind.OWN_ECOMMERCE, "generic")
                .externalId("visit", "1")
                .type(EventType.INTERACTION)
                .occurredAt(NOW)
                .receivedAt(NOW)
                .payload(InteractionPayload.of(InteractionKind.VISIT))
                .build();
    }

    private static InboundRequest signed(byte[] body, long timestamp, String secret) {
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String signature = "v1=" + HexFormat.of().formatHex(Signatures.hmacSha256(secret, signed));
        return InboundRequest.post("/webhooks/crm-eu", Map.of(
                "X-Omni-Timestamp", String.valueOf(timestamp), "X-Omni-Signature", signature), body);
    }
}
