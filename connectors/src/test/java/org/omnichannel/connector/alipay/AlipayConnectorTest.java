package org.omnichannel.connector.alipay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PublicKeys;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.connector.testing.CnGolden;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlipayConnectorTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T02:15:00Z");
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private final AlipayConnector connector = new AlipayConnector(Clock.fixed(RECEIVED, ZoneOffset.UTC));

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("alipay")).isInstanceOf(AlipayConnector.class);
    }

    @Test
    void builds_exactly_the_content_alipay_signed_for_both_official_vectors() {
        assertThat(AlipaySignedContent.of(params("trade_status_sync.TRADE_SUCCESS.params.json"), false))
                .isEqualTo(CnGolden.fixtureText("alipay/trade_status_sync.TRADE_SUCCESS.signed-content.txt"));
        assertThat(AlipaySignedContent.of(params("servicemarket_order_notify.params.json"), true))
                .isEqualTo(CnGolden.fixtureText("alipay/servicemarket_order_notify.signed-content.txt"));
    }

    @Test
    void the_v1_vector_verifies_only_without_sign_type_and_the_v2_vector_only_with_it() {
        Map<String, String> v1 = params("trade_status_sync.TRADE_SUCCESS.params.json");
        Map<String, String> v2 = params("servicemarket_order_notify.params.json");
        var key1 = PublicKeys.rsa(CnGolden.fixtureText("alipay/alipay-notify-sign-public-key-v1.pem"), "v1");
        var key2 = PublicKeys.rsa(CnGolden.fixtureText("alipay/alipay-notify-sign-public-key-v2.pem"), "v2");

        assertThat(matches(key1, AlipaySignedContent.of(v1, false), v1)).isTrue();
        assertThat(matches(key1, AlipaySignedContent.of(v1, true), v1)).isFalse();
        assertThat(matches(key2, AlipaySignedContent.of(v2, true), v2)).isTrue();
        assertThat(matches(key2, AlipaySignedContent.of(v2, false), v2)).isFalse();
    }

    @Test
    void accepts_the_official_trade_notification_as_the_raw_form_body_alipay_posts() {
        InboundRequest request = post(CnGolden.fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"), FORM);

        assertThat(connector.verify(request, channel("v1"))).isEqualTo(Verification.ok());
    }

    @Test
    void accepts_the_official_open_platform_notification_that_signs_sign_type_too() {
        InboundRequest request = post(form(params("servicemarket_order_notify.params.json"), StandardCharsets.UTF_8), FORM);

        assertThat(connector.verify(request, channel("v2"))).isEqualTo(Verification.ok());
    }

    @Test
    void rejects_the_sdk_negative_vector_under_either_published_key() {
        byte[] body = form(params("trade_status_sync.TRADE_SUCCESS.NEGATIVE-wrong-key.params.json"), StandardCharsets.UTF_8);

        assertThat(connector.verify(post(body, FORM), channel("v1")).isVerified()).isFalse();
        assertThat(connector.verify(post(body, FORM), channel("v2")).isVerified()).isFalse();
    }

    @Test
    void rejects_a_tampered_amount_and_the_sdk_tampered_service_code() {
        Map<String, String> trade = params("trade_status_sync.TRADE_SUCCESS.params.json");
        trade.put("total_amount", "100.10");
        Map<String, String> market = params("servicemarket_order_notify.params.json");
        market.put("service_code", "58621634111");

        assertThat(connector.verify(post(form(trade, StandardCharsets.UTF_8), FORM), channel("v1")))
                .isEqualTo(Verification.rejected("sign does not match the parameters and the Alipay public key"));
        assertThat(connector.verify(post(form(market, StandardCharsets.UTF_8), FORM), channel("v2")).isVerified()).isFalse();
    }

    @Test
    void rejects_a_notification_without_sign_instead_of_skipping_the_check() {
        Map<String, String> trade = params("trade_status_sync.TRADE_SUCCESS.params.json");
        trade.remove("sign");

        assertThat(connector.verify(post(form(trade, StandardCharsets.UTF_8), FORM), channel("v1")))
                .isEqualTo(Verification.rejected("missing sign parameter"));
    }

    @Test
    void rejects_an_unknown_sign_type_and_a_sign_that_is_not_base64() {
        Map<String, String> md5 = params("trade_status_sync.TRADE_SUCCESS.params.json");
        md5.put("sign_type", "MD5");
        Map<String, String> garbled = params("trade_status_sync.TRADE_SUCCESS.params.json");
        garbled.put("sign", "not base64!");

        assertThat(connector.verify(post(form(md5, StandardCharsets.UTF_8), FORM), channel("v1")))
                .isEqualTo(Verification.rejected("sign_type 'MD5' is neither RSA2 nor RSA"));
        assertThat(connector.verify(post(form(garbled, StandardCharsets.UTF_8), FORM), channel("v1")))
                .isEqualTo(Verification.rejected("sign is not Base64"));
    }

    @Test
    void rejects_an_authentic_notification_for_another_app() {
        ChannelContext otherApp = new ChannelContext("alipay-cn", ChannelKind.OWN_ECOMMERCE, "alipay",
                Map.of("appId", "2021000000000001"), secrets("v1"));
        InboundRequest request = post(CnGolden.fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"), FORM);

        assertThat(connector.verify(request, otherApp))
                .isEqualTo(Verification.rejected("app_id '2019073166072302' is not the appId of channel 'alipay-cn'"));
    }

    @Test
    void rejects_an_expired_notification_when_the_channel_sets_a_maximum_age() {
        ChannelContext strict = new ChannelContext("alipay-cn", ChannelKind.OWN_ECOMMERCE, "alipay",
                Map.of("maxNotifyAgeHours", "48"), secrets("v1"));
        InboundRequest request = post(CnGolden.fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"), FORM);
        AlipayConnector atNotifyTime = new AlipayConnector(
                Clock.fixed(Instant.parse("2019-08-15T08:00:00Z"), ZoneOffset.UTC));

        assertThat(connector.verify(request, strict).isVerified()).isFalse();
        assertThat(((Verification.Rejected) connector.verify(request, strict)).reason())
                .contains("notify_time is").contains("accepts at most 48 h");
        assertThat(atNotifyTime.verify(request, strict)).isEqualTo(Verification.ok());
    }

    @Test
    void decodes_a_gbk_form_with_the_charset_the_content_type_declares() {
        Map<String, String> trade = params("trade_status_sync.TRADE_SUCCESS.params.json");
        trade.put("charset", "GBK");
        Charset gbk = Charset.forName("GBK");
        InboundRequest request = post(form(trade, gbk), "application/x-www-form-urlencoded; charset=GBK");

        assertThat(AlipayForm.read(request).params().get("subject")).isEqualTo("语雀空间 500人规模");
    }

    @Test
    void refuses_a_body_that_is_not_a_form_or_has_a_broken_escape() {
        assertThatThrownBy(() -> connector.map(post("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json"), channel("v1")))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("Content-Type is 'application/json'");
        assertThatThrownBy(() -> connector.verify(post("notify_type=trade%ZZsync".getBytes(StandardCharsets.UTF_8), FORM), channel("v1")))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("malformed %-escape");
        assertThatThrownBy(() -> connector.map(post("notify_type=trade_status_sync&trade_status=TRADE_SUCCESS"
                .getBytes(StandardCharsets.UTF_8), FORM), channel("v1")))
                .isInstanceOf(BadPayloadException.class).hasMessage("Alipay trade_status_sync has no 'trade_no' field");
    }

    @Test
    void maps_the_official_trade_notification_to_a_payment_captured_from_the_buyer() {
        MappingResult result = connector.map(post(
                CnGolden.fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"), FORM), channel("v1"));

        CnGolden.assertMatches(result, "alipay/trade_status_sync.TRADE_SUCCESS.expected.json");
    }

    @Test
    void maps_the_negative_vector_the_same_way_because_mapping_follows_verification() {
        MappingResult result = connector.map(post(form(params("trade_status_sync.TRADE_SUCCESS.NEGATIVE-wrong-key.params.json"),
                StandardCharsets.UTF_8), FORM), channel("v1"));

        CnGolden.assertMatches(result, "alipay/trade_status_sync.NEGATIVE-wrong-key.expected.json");
    }

    @Test
    void maps_the_service_market_notification_to_a_digital_order() {
        MappingResult result = connector.map(post(form(params("servicemarket_order_notify.params.json"),
                StandardCharsets.UTF_8), FORM), channel("v2"));

        CnGolden.assertMatches(result, "alipay/servicemarket_order_notify.expected.json");
    }

    @Test
    void a_finished_trade_has_the_same_event_id_as_its_success_so_it_is_not_paid_twice() {
        Map<String, String> finished = params("trade_status_sync.TRADE_SUCCESS.params.json");
        finished.put("trade_status", "TRADE_FINISHED");

        MappingResult success = connector.map(post(CnGolden.fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt"), FORM), channel("v1"));
        MappingResult again = connector.map(post(form(finished, StandardCharsets.UTF_8), FORM), channel("v1"));

        assertThat(again.events().get(0).eventId()).isEqualTo(success.events().get(0).eventId());
    }

    @Test
    void reports_unmapped_statuses_refunds_and_notify_types_as_skipped_and_still_acknowledges() {
        Map<String, String> waiting = params("trade_status_sync.TRADE_SUCCESS.params.json");
        waiting.put("trade_status", "WAIT_BUYER_PAY");
        Map<String, String> refund = params("trade_status_sync.TRADE_SUCCESS.params.json");
        refund.put("refund_fee", "0.05");
        Map<String, String> other = params("trade_status_sync.TRADE_SUCCESS.params.json");
        other.put("notify_type", "fund_auth_freeze");

        Map<Map<String, String>, MappingResult.SkipReason> expected = Map.of(waiting, MappingResult.SkipReason.NOT_ACTIONABLE,
                refund, MappingResult.SkipReason.NOT_ACTIONABLE, other, MappingResult.SkipReason.UNSUPPORTED_TYPE);
        expected.forEach((params, reason) -> {
            MappingResult result = connector.map(post(form(params, StandardCharsets.UTF_8), FORM), channel("v1"));
            assertThat(result.events()).isEmpty();
            assertThat(result.skipped()).singleElement().extracting(MappingResult.Skipped::reason).isEqualTo(reason);
            assertThat(new String(result.acknowledgement().body(), StandardCharsets.UTF_8)).isEqualTo("success");
        });
    }

    private static boolean matches(java.security.PublicKey key, String content, Map<String, String> params) {
        return AlipaySignature.matches("SHA256withRSA", key, content, Base64.getDecoder().decode(params.get("sign")));
    }

    static Map<String, String> params(String fixture) {
        try {
            return new ObjectMapper().readValue(CnGolden.fixture("alipay/" + fixture), new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] form(Map<String, String> params, Charset charset) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), charset) + "=" + URLEncoder.encode(e.getValue(), charset))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    static InboundRequest post(byte[] body, String contentType) {
        return new InboundRequest("POST", "https://hub.example.com/webhooks/alipay-cn",
                Map.of("Content-Type", java.util.List.of(contentType)), Map.of(), body, RECEIVED);
    }

    static Secrets secrets(String keyVersion) {
        return Secrets.of("alipay-cn", Map.of("alipayPublicKey",
                CnGolden.fixtureText("alipay/alipay-notify-sign-public-key-" + keyVersion + ".pem")));
    }

    static ChannelContext channel(String keyVersion) {
        return new ChannelContext("alipay-cn", ChannelKind.OWN_ECOMMERCE, "alipay", Map.of(), secrets(keyVersion));
    }
}
