package org.omnichannel.connector.wechat;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.connector.testing.CnGolden;
import org.omnichannel.core.event.ChannelKind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WechatOaConnectorTest {

    // Official plaintext-mode vectors (developers.weixin.qq.com message-push docs).
    private static final String DOC_TOKEN = "AAAAA";
    // Official safe-mode vector (Tencent WXBizMsgCrypt sample, WeCom docs 90968).
    private static final String SAMPLE_TOKEN = "QDG6eK";
    private static final String SAMPLE_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String SAMPLE_RECEIVER = "wx5823bf96d3bd56c7";
    // Our own official account for the documented payload examples.
    private static final String APP_ID = "wx1f2e3d4c5b6a7980";
    private static final String TOKEN = "omni-test-token";
    private static final Instant NOW = Instant.parse("2026-11-20T02:15:00Z");

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("wechat-oa")).isInstanceOf(WechatOaConnector.class);
    }

    @Test
    void answers_the_official_url_check_with_the_echostr() {
        InboundRequest get = get(Map.of("signature", "f464b24fc39322e44b38aa78f5edd27bd1441696",
                "timestamp", "1714036504", "nonce", "1514711492", "echostr", "4375120948345356249"));

        HandshakeAnswer answer = HandshakeAnswer.of(at(1714036504).handshake(get, docChannel()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("4375120948345356249");
    }

    @Test
    void refuses_a_url_check_with_a_wrong_signature_and_ignores_requests_that_are_not_url_checks() {
        InboundRequest forged = get(Map.of("signature", "f464b24fc39322e44b38aa78f5edd27bd1441697",
                "timestamp", "1714036504", "nonce", "1514711492", "echostr", "4375120948345356249"));

        assertThat(HandshakeAnswer.of(at(1714036504).handshake(forged, docChannel())).status()).isEqualTo(401);
        assertThat(at(1714036504).handshake(post(new byte[0], Map.of()), docChannel())).isEmpty();
    }

    @Test
    void answers_the_official_safe_mode_url_check_with_the_decrypted_echostr() {
        // A form decoder turns the '+' of the Base64 echostr into spaces; the connector undoes that.
        InboundRequest get = get(Map.of("msg_signature", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
                "timestamp", "1409659589", "nonce", "263014780",
                "echostr", "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp 4RPcs8TgAE7OaBO FZXvnaqQ=="));

        HandshakeAnswer answer = HandshakeAnswer.of(at(1409659589).handshake(get, sampleChannel()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1616140317555161061");
    }

    @Test
    void accepts_the_official_plaintext_json_push_and_reports_its_debug_event_as_unsupported() {
        InboundRequest push = post(CnGolden.fixture("wechat-oa/event.debug_demo.plaintext-mode.json"), Map.of(
                "signature", "899cf89e464efb63f54ddac96b0a0a235f53aa78", "timestamp", "1714037059", "nonce", "486452656",
                "openid", "o9AgO5Kd5ggOC-bXrbNODIiE3bGY"));

        assertThat(at(1714037059).verify(push, docChannel())).isEqualTo(Verification.ok());
        CnGolden.assertMatches(at(1714037059).map(push, docChannel()), "wechat/event.debug_demo.expected.json");
    }

    @Test
    void accepts_and_decrypts_the_official_safe_mode_sample() {
        InboundRequest push = post(CnGolden.fixture("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml"), Map.of(
                "msg_signature", "477715d11cdb4164915debcba66cb864d751f3e6", "timestamp", "1409659813",
                "nonce", "1372623149", "encrypt_type", "aes"));

        assertThat(at(1409659813).verify(push, sampleChannel())).isEqualTo(Verification.ok());
        MappingResult result = at(1409659813).map(push, sampleChannel());
        CnGolden.assertMatches(result, "wechat/safe-mode.wecom-sample.expected.json");
        assertThat(WechatMessage.parse(new WechatCrypto(SAMPLE_AES_KEY).open(
                WechatMessage.parse(CnGolden.fixtureText("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml"))
                        .require("Encrypt"), SAMPLE_RECEIVER)))
                .isEqualTo(WechatMessage.parse(CnGolden.fixtureText("wechat-oa/safe-mode.decrypted.wecom-sample.xml")));
    }

    @Test
    void rejects_a_tampered_safe_mode_body() {
        String envelope = CnGolden.fixtureText("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml")
                .replace("RypEvHKD8QQ", "RypEvHKD8QR");
        InboundRequest push = post(envelope.getBytes(StandardCharsets.UTF_8), Map.of(
                "msg_signature", "477715d11cdb4164915debcba66cb864d751f3e6", "timestamp", "1409659813",
                "nonce", "1372623149", "encrypt_type", "aes"));

        assertThat(at(1409659813).verify(push, sampleChannel()))
                .isEqualTo(Verification.rejected("msg_signature does not match"));
    }

    @Test
    void rejects_an_expired_timestamp_and_missing_signatures() {
        byte[] body = CnGolden.fixture("wechat-oa/event.debug_demo.plaintext-mode.json");
        Map<String, String> signed = Map.of("signature", "899cf89e464efb63f54ddac96b0a0a235f53aa78",
                "timestamp", "1714037059", "nonce", "486452656");

        assertThat(at(1714037059 + 301).verify(post(body, signed), docChannel()))
                .isEqualTo(Verification.rejected("timestamp is 301 s away from now; tolerance is 300 s"));
        assertThat(at(1714037059).verify(post(body, Map.of("timestamp", "1714037059", "nonce", "486452656")), docChannel()))
                .isEqualTo(Verification.rejected("missing signature query parameter"));
        assertThat(at(1409659813).verify(post(CnGolden.fixture("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml"),
                Map.of("timestamp", "1409659813", "nonce", "1372623149", "encrypt_type", "aes")), sampleChannel()))
                .isEqualTo(Verification.rejected("missing msg_signature query parameter (encrypt_type=aes)"));
    }

    @Test
    void rejects_a_plaintext_push_whose_signature_was_made_for_another_nonce() {
        byte[] body = CnGolden.fixture("wechat-oa/event.debug_demo.plaintext-mode.json");

        assertThat(at(1714037059).verify(post(body, Map.of("signature", "899cf89e464efb63f54ddac96b0a0a235f53aa78",
                "timestamp", "1714037059", "nonce", "486452657")), docChannel()))
                .isEqualTo(Verification.rejected("signature does not match"));
    }

    @Test
    void maps_the_documented_text_message_to_a_message_interaction() {
        assertGolden("wechat-oa/text.xml", "wechat/text.expected.json");
    }

    @Test
    void maps_the_documented_subscribe_to_a_follow() {
        assertGolden("wechat-oa/event.subscribe.xml", "wechat/event.subscribe.expected.json");
    }

    @Test
    void maps_the_documented_scan_to_a_visit_keeping_a_scene_that_names_no_store() {
        assertGolden("wechat-oa/event.SCAN.xml", "wechat/event.SCAN.expected.json");
    }

    @Test
    void maps_a_store_clerk_qr_subscribe_sent_in_safe_mode_to_a_follow_at_that_store_credited_to_that_clerk() {
        byte[] inner = CnGolden.resource("wechat/event.subscribe.qrscene.xml");
        String encrypted = seal(OUR_AES_KEY, inner, APP_ID);
        String envelope = "<xml><ToUserName><![CDATA[gh_3f1c2a9b7e10]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        String timestamp = String.valueOf(NOW.getEpochSecond());
        InboundRequest push = post(envelope.getBytes(StandardCharsets.UTF_8), Map.of("encrypt_type", "aes",
                "timestamp", timestamp, "nonce", "1372623149",
                "msg_signature", WechatSignature.of(TOKEN, timestamp, "1372623149", encrypted)));
        WechatOaConnector connector = at(NOW.getEpochSecond());

        assertThat(connector.verify(push, ourChannel())).isEqualTo(Verification.ok());
        CnGolden.assertMatches(connector.map(push, ourChannel()), "wechat/event.subscribe.qrscene.expected.json");
    }

    @Test
    void reads_a_safe_mode_push_in_the_json_format_too() {
        byte[] inner = CnGolden.fixture("wechat-oa/event.debug_demo.plaintext-mode.json");
        String encrypted = seal(OUR_AES_KEY, inner, APP_ID);
        String envelope = "{\"ToUserName\":\"gh_97417a04a28d\",\"Encrypt\":\"" + encrypted + "\"}";
        String timestamp = String.valueOf(NOW.getEpochSecond());
        InboundRequest push = post(envelope.getBytes(StandardCharsets.UTF_8), Map.of("encrypt_type", "aes",
                "timestamp", timestamp, "nonce", "486452656",
                "msg_signature", WechatSignature.of(TOKEN, timestamp, "486452656", encrypted)));
        WechatOaConnector connector = at(NOW.getEpochSecond());

        assertThat(connector.verify(push, ourChannel())).isEqualTo(Verification.ok());
        assertThat(connector.map(push, ourChannel()).skipped()).containsExactly(new MappingResult.Skipped(
                MappingResult.SkipReason.UNSUPPORTED_TYPE, "wechat-oa event 'debug_demo' is not mapped"));
    }

    @Test
    void refuses_a_safe_mode_message_sealed_for_another_account() {
        InboundRequest push = post(CnGolden.fixture("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml"), Map.of(
                "msg_signature", "477715d11cdb4164915debcba66cb864d751f3e6", "timestamp", "1409659813",
                "nonce", "1372623149", "encrypt_type", "aes"));
        ChannelContext otherAccount = new ChannelContext("wx-oa", ChannelKind.SOCIAL, "wechat-oa",
                Map.of("appId", APP_ID), Secrets.of("wx-oa", Map.of("token", SAMPLE_TOKEN, "encodingAesKey", SAMPLE_AES_KEY)));

        assertThatThrownBy(() -> at(1409659813).map(push, otherAccount))
                .isInstanceOf(BadPayloadException.class)
                .hasMessage("the encrypted message is for '" + SAMPLE_RECEIVER + "', not this channel's appId '" + APP_ID + "'");
    }

    @Test
    void refuses_xml_with_a_doctype_and_bodies_that_are_neither_xml_nor_json() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><MsgType>text</MsgType><Content>&x;</Content></xml>";

        assertThatThrownBy(() -> WechatMessage.parse(xxe)).isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> WechatMessage.parse("MsgType=text")).isInstanceOf(BadPayloadException.class)
                .hasMessage("WeChat push is neither XML nor JSON");
    }

    private static final String OUR_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private void assertGolden(String fixture, String golden) {
        byte[] body = CnGolden.fixture(fixture);
        String timestamp = String.valueOf(NOW.getEpochSecond());
        InboundRequest push = post(body, Map.of("timestamp", timestamp, "nonce", "486452656",
                "signature", WechatSignature.of(TOKEN, timestamp, "486452656")));
        WechatOaConnector connector = at(NOW.getEpochSecond());

        assertThat(connector.verify(push, ourChannel())).isEqualTo(Verification.ok());
        CnGolden.assertMatches(connector.map(push, ourChannel()), golden);
    }

    /** Seals a message the way WeChat does: random(16) | length | message | appid, PKCS#7 to 32 bytes. */
    private static String seal(String encodingAesKey, byte[] message, String appId) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            plain.writeBytes("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            plain.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
            plain.writeBytes(message);
            plain.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
            int pad = 32 - plain.size() % 32;
            for (int i = 0; i < pad; i++) {
                plain.write(pad);
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WechatOaConnector at(long epochSecond) {
        return new WechatOaConnector(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static InboundRequest get(Map<String, String> query) {
        return new InboundRequest("GET", "https://hub.example.com/webhooks/wx-oa", Map.of(), multi(query), null, NOW);
    }

    private static InboundRequest post(byte[] body, Map<String, String> query) {
        return new InboundRequest("POST", "https://hub.example.com/webhooks/wx-oa",
                Map.of("Content-Type", List.of("text/xml")), multi(query), body, NOW);
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> multi = new HashMap<>();
        single.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }

    private static ChannelContext docChannel() {
        return new ChannelContext("wx-oa", ChannelKind.SOCIAL, "wechat-oa", Map.of("appId", "wx97417a04a28d0000"),
                Secrets.of("wx-oa", Map.of("token", DOC_TOKEN)));
    }

    private static ChannelContext sampleChannel() {
        return new ChannelContext("wx-oa", ChannelKind.SOCIAL, "wechat-oa", Map.of("appId", SAMPLE_RECEIVER),
                Secrets.of("wx-oa", Map.of("token", SAMPLE_TOKEN, "encodingAesKey", SAMPLE_AES_KEY)));
    }

    private static ChannelContext ourChannel() {
        return new ChannelContext("wx-oa", ChannelKind.SOCIAL, "wechat-oa", Map.of("appId", APP_ID),
                Secrets.of("wx-oa", Map.of("token", TOKEN, "encodingAesKey", OUR_AES_KEY)));
    }

    /** A handshake answer read as status and text. */
    private record HandshakeAnswer(int status, String body) {
        static HandshakeAnswer of(java.util.Optional<ConnectorResponse> response) {
            ConnectorResponse r = response.orElseThrow(() -> new AssertionError("no handshake answer"));
            return new HandshakeAnswer(r.status(), new String(r.body(), StandardCharsets.UTF_8));
        }
    }
}
