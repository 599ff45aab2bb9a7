package org.omnichannel.connector.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.RECEIVED_AT;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;
import static org.omnichannel.connector.testing.WebGolden.resource;

class MetaConnectorTest {

    private static final String SECRET = "test_app_secret";
    private static final String TOKEN = "verify-token-not-real";
    private final MetaConnector connector = new MetaConnector();
    private final ChannelContext channel = new ChannelContext("social-ig", ChannelKind.SOCIAL, "meta", Map.of(),
            Secrets.of("social-ig", Map.of("webhookSecret", SECRET, "verifyToken", TOKEN)));

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("meta")).isInstanceOf(MetaConnector.class);
    }

    @Test
    void answers_the_subscription_challenge_only_with_the_right_token() {
        ConnectorResponse ok = connector.handshake(get("subscribe", TOKEN, "1158201444"), channel).orElseThrow();
        ConnectorResponse wrongToken = connector.handshake(get("subscribe", "guess", "1158201444"), channel).orElseThrow();
        ConnectorResponse wrongMode = connector.handshake(get("unsubscribe", TOKEN, "1158201444"), channel).orElseThrow();

        assertThat(ok.status()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("1158201444");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(wrongMode.status()).isEqualTo(403);
        assertThat(connector.handshake(get("subscribe", TOKEN, "<script>"), channel).orElseThrow().status()).isEqualTo(400);
        assertThat(connector.handshake(signed(resource("meta/instagram.comments.json")), channel)).isEmpty();
    }

    @Test
    void accepts_the_computed_vector_over_the_escaped_unicode_bytes() {
        InboundRequest request = post("/", Map.of(MetaConnector.SIGNATURE_HEADER,
                "sha256=7150ba11d17941f8084bd826a3e89465ea6d3371cdf0972494b83c0cd8194e98"),
                fixture("meta", "COMPUTED-not-official.unicode-escaped.body.json"));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
    }

    @Test
    void rejects_a_signature_made_over_the_unescaped_text() {
        InboundRequest request = post("/", Map.of(MetaConnector.SIGNATURE_HEADER,
                "sha256=ac2ca79b3b6f94eba8df22ad8fae9a191ab6caaea9e9814ba1e9a245176d1be3"),
                fixture("meta", "COMPUTED-not-official.unicode-escaped.body.json"));

        assertThat(connector.verify(request, channel)).isEqualTo(Verification.rejected("X-Hub-Signature-256 does not match the body"));
    }

    @Test
    void rejects_a_missing_signature_a_sha1_only_signature_and_a_bare_hex_value() {
        byte[] body = fixture("meta", "COMPUTED-not-official.unicode-escaped.body.json");

        assertThat(connector.verify(post("/", Map.of(), body), channel))
                .isEqualTo(Verification.rejected("missing X-Hub-Signature-256 header"));
        assertThat(connector.verify(post("/", Map.of("X-Hub-Signature", "sha1=0123"), body), channel))
                .isEqualTo(Verification.rejected("only the legacy X-Hub-Signature (SHA-1) was sent; X-Hub-Signature-256 is required"));
        assertThat(connector.verify(post("/", Map.of(MetaConnector.SIGNATURE_HEADER,
                "7150ba11d17941f8084bd826a3e89465ea6d3371cdf0972494b83c0cd8194e98"), body), channel))
                .isEqualTo(Verification.rejected("X-Hub-Signature-256 must start with sha256="));
    }

    @Test
    void the_computed_vectors_feed_change_without_item_is_reported_not_dropped() {
        MappingResult result = connector.map(post("/", Map.of(), fixture("meta", "COMPUTED-not-official.unicode-escaped.body.json")), channel);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).containsExactly(new MappingResult.Skipped(SkipReason.UNSUPPORTED_TYPE,
                "meta page feed change at entry[0].changes[0] with item 'null' and verb 'null' is not mapped; "
                        + "mapped: comment/add, reaction/add, like/add"));
        assertThat(result.acknowledgement().status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} maps to its golden file")
    @CsvSource({"meta/instagram.comments.json, meta/golden/instagram.comments.json",
            "meta/page.messaging.json, meta/golden/page.messaging.json",
            "meta/page.feed.json, meta/golden/page.feed.json"})
    void maps_documented_payloads_to_their_golden_events(String payload, String golden) {
        InboundRequest request = signed(resource(payload));

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        assertGolden(connector.map(request, channel).events(), golden);
    }

    @Test
    void reports_the_echo_and_the_read_receipt_of_a_conversation() {
        MappingResult result = connector.map(signed(resource("meta/page.messaging.json")), channel);

        assertThat(result.events()).hasSize(1);
        assertThat(result.skipped()).extracting(MappingResult.Skipped::reason)
                .containsExactly(SkipReason.NOT_ACTIONABLE, SkipReason.UNSUPPORTED_TYPE);
    }

    @Test
    void reports_an_unmapped_object_as_unsupported() {
        MappingResult result = connector.map(signed("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
                .getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.skipped().get(0).detail())
                .isEqualTo("meta object 'whatsapp_business_account' is not mapped; mapped objects: page, instagram");
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        assertThatThrownBy(() -> connector.map(signed("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("notification.entry is missing or not an array");
        assertThatThrownBy(() -> connector.map(signed("{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"comments\",\"value\":{}}]}]}"
                .getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("entry[0].changes[0].value.id is missing");
    }

    private static InboundRequest get(String mode, String token, String challenge) {
        return new InboundRequest("GET", "https://hub.example.com/webhooks/social-ig", Map.of(),
                Map.of("hub.mode", List.of(mode), "hub.verify_token", List.of(token), "hub.challenge", List.of(challenge)),
                null, RECEIVED_AT);
    }

    private static InboundRequest signed(byte[] body) {
        return post("/webhooks/social-ig", Map.of(MetaConnector.SIGNATURE_HEADER,
                "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256(SECRET, body)), "Content-Type", "application/json"), body);
    }
}
