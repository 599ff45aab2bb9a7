package org.omnichannel.connector.douyin;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.assertGolden;
import static org.omnichannel.connector.testing.Golden.fixture;
import static org.omnichannel.connector.testing.Golden.post;

class DouyinConnectorTest {

    private static final String SECRET = "douyin-test-secret";
    /** {@code (printf 'douyin-test-secret'; cat life_trade_order_notify.docs-example.json) | sha1sum}: computed outside Java. */
    private static final String ORDER_NOTIFY_SIGNATURE = "bcfd58462ac9a7ebe9dde2b77d0809b602ba4a6b";
    /** The same for verify_webhook.docs-example.json. */
    private static final String VERIFY_WEBHOOK_SIGNATURE = "c20228f1d9f5f702a8e79e0e49333f198fb4761c";
    private static final String MSG_ID = "7154960713123186220";

    private final DouyinConnector connector = new DouyinConnector();
    private final ChannelContext channel = channel(Map.of());

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("douyin")).isInstanceOf(DouyinConnector.class);
    }

    @Test
    void accepts_a_signature_computed_outside_java_as_sha1_of_secret_and_raw_body() {
        InboundRequest request = request(fixture("douyin", "life_trade_order_notify.docs-example.json"), ORDER_NOTIFY_SIGNATURE);

        assertThat(connector.verify(request, channel).isVerified()).isTrue();
        assertThat(connector.verify(request(fixture("douyin", "life_trade_order_notify.docs-example.json"),
                ORDER_NOTIFY_SIGNATURE.toUpperCase()), channel).isVerified()).as("hex in either case").isTrue();
    }

    @Test
    void rejects_a_tampered_douyin_body_a_missing_signature_and_another_secret() {
        byte[] body = fixture("douyin", "life_trade_order_notify.docs-example.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\\\"pay_amount\\\": 1", "\\\"pay_amount\\\": 9")
                .getBytes(StandardCharsets.UTF_8);
        ChannelContext otherSecret = new ChannelContext("douyin-ll", ChannelKind.MARKETPLACE, "douyin", Map.of(),
                Secrets.of("douyin-ll", Map.of("clientSecret", "another-secret")));

        assertThat(tampered).isNotEqualTo(body);
        assertThat(connector.verify(request(tampered, ORDER_NOTIFY_SIGNATURE), channel))
                .isEqualTo(Verification.rejected("X-Douyin-Signature does not match the body"));
        assertThat(connector.verify(post("/", Map.of(), body), channel))
                .isEqualTo(Verification.rejected("missing X-Douyin-Signature header"));
        assertThat(connector.verify(request(body, ORDER_NOTIFY_SIGNATURE), otherSecret).isVerified()).isFalse();
        assertThat(connector.verify(request(body, "not-hex"), channel).isVerified()).isFalse();
    }

    @Test
    void refuses_a_body_for_another_client_key_when_the_channel_names_its_own() {
        InboundRequest request = request(fixture("douyin", "life_trade_order_notify.docs-example.json"), ORDER_NOTIFY_SIGNATURE);

        assertThat(connector.verify(request, channel(Map.of("clientKey", "aw-other")))).isEqualTo(Verification.rejected(
                "body is for client_key 'axxxxxxxxxxxxx' but the channel is for 'aw-other'"));
        assertThat(connector.verify(request, channel(Map.of("clientKey", "axxxxxxxxxxxxx"))).isVerified()).isTrue();
    }

    @Test
    void answers_the_signed_url_check_with_the_challenge_echoed() {
        InboundRequest request = request(fixture("douyin", "verify_webhook.docs-example.json"), VERIFY_WEBHOOK_SIGNATURE);

        ConnectorResponse answer = connector.handshake(request, channel(Map.of("clientKey", "aw-mine"))).orElseThrow();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"challenge\":12345}");
        assertThat(connector.map(request, channel).skipped()).extracting(MappingResult.Skipped::reason)
                .containsExactly(SkipReason.NOT_ACTIONABLE);
    }

    @Test
    void refuses_an_unsigned_url_check_and_ignores_ordinary_events() {
        InboundRequest unsigned = post("/", Map.of(), fixture("douyin", "verify_webhook.docs-example.json"));
        InboundRequest event = request(fixture("douyin", "life_trade_order_notify.docs-example.json"), ORDER_NOTIFY_SIGNATURE);

        assertThat(connector.handshake(unsigned, channel).orElseThrow().status()).isEqualTo(401);
        assertThat(connector.handshake(event, channel)).isEmpty();
    }

    @Test
    void maps_a_pay_success_notification_with_content_as_a_json_string_to_its_golden_payment() {
        InboundRequest request = request(fixture("douyin", "life_trade_order_notify.docs-example.json"), ORDER_NOTIFY_SIGNATURE);

        MappingResult result = connector.map(request, channel);

        assertThat(result.skipped()).isEmpty();
        assertGolden(result.events(), "douyin/golden/life_trade_order_notify.json");
    }

    @Test
    void the_same_msg_id_gives_one_event_id_however_often_douyin_retries() {
        byte[] body = fixture("douyin", "life_trade_order_notify.docs-example.json");
        String first = connector.map(request(body, ORDER_NOTIFY_SIGNATURE), channel).events().get(0).eventId();
        String retry = connector.map(request(body, ORDER_NOTIFY_SIGNATURE), channel).events().get(0).eventId();
        Map<String, String> otherHeaders = new HashMap<>(headers(ORDER_NOTIFY_SIGNATURE));
        otherHeaders.put("Msg-Id", "7154960713123186221");
        String otherMessage = connector.map(post("/", otherHeaders, body), channel).events().get(0).eventId();
        otherHeaders.remove("Msg-Id");
        String noMsgId = connector.map(post("/", otherHeaders, body), channel).events().get(0).eventId();
        String noMsgIdAgain = connector.map(post("/", otherHeaders, body), channel).events().get(0).eventId();

        assertThat(retry).isEqualTo(first);
        assertThat(otherMessage).isNotEqualTo(first);
        assertThat(noMsgIdAgain).as("without Msg-Id the order and action identify it").isEqualTo(noMsgId);
    }

    @Test
    void reports_other_actions_and_events_instead_of_dropping_them() {
        String refundAction = new String(fixture("douyin", "life_trade_order_notify.docs-example.json"), StandardCharsets.UTF_8)
                .replace("pay_success", "verify_success");
        MappingResult action = connector.map(post("/", headers("x"), refundAction.getBytes(StandardCharsets.UTF_8)), channel);
        MappingResult other = connector.map(post("/", headers("x"),
                "{\"event\":\"im_receive_msg\",\"client_key\":\"a\",\"content\":\"{}\"}".getBytes(StandardCharsets.UTF_8)), channel);
        MappingResult audit = connector.map(post("/", headers("x"),
                "{\"event\":\"life_hermes_akte_after_sale_audit\",\"content\":\"{\\\"order_id\\\":\\\"1\\\"}\"}".getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(action.isUnsupported()).isTrue();
        assertThat(action.skipped().get(0).detail()).contains("action 'verify_success' is not mapped");
        assertThat(other.isUnsupported()).isTrue();
        assertThat(other.skipped().get(0).detail()).startsWith("douyin im_receive_msg Msg-Id " + MSG_ID + " is not mapped");
        assertThat(audit.events()).isEmpty();
        assertThat(audit.skipped().get(0).reason()).isEqualTo(SkipReason.NOT_ACTIONABLE);
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        assertThatThrownBy(() -> connector.map(post("/", headers("x"),
                "{\"event\":\"life_trade_order_notify\",\"content\":\"{not json\"}".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("douyin life_trade_order_notify: body.content is not JSON");
        assertThatThrownBy(() -> connector.map(post("/", headers("x"),
                "{\"event\":\"life_trade_order_notify\",\"content\":\"{\\\"action\\\":\\\"pay_success\\\",\\\"order\\\":{\\\"order_id\\\":\\\"1\\\",\\\"pay_amount\\\":1.5,\\\"pay_time\\\":1}}\"}"
                        .getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("content.order.pay_amount must be a whole number of fen, was 1.5");
        assertThatThrownBy(() -> connector.map(post("/", headers("x"), "{\"content\":\"{}\"}".getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("body.event is missing");
    }

    @Test
    void sha1_is_taken_over_secret_then_body_not_an_hmac() {
        byte[] digest = DouyinConnector.sha1("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
        // sha1("kv"), by `printf kv | sha1sum`
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo("88f2baedfb0a00b41fccfc4b3c3fe259d351c59d");
    }

    private static InboundRequest request(byte[] body, String signature) {
        return post("/webhooks/douyin-ll", headers(signature), body);
    }

    private static Map<String, String> headers(String signature) {
        return Map.of(DouyinConnector.SIGNATURE_HEADER, signature, "Msg-Id", MSG_ID, "Content-Type", "application/json");
    }

    private static ChannelContext channel(Map<String, String> settings) {
        return new ChannelContext("douyin-ll", ChannelKind.MARKETPLACE, "douyin", settings,
                Secrets.of("douyin-ll", Map.of("clientSecret", SECRET)));
    }
}
