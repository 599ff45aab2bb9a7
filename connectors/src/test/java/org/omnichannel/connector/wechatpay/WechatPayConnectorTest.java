package org.omnichannel.connector.wechatpay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PublicKeys;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.connector.testing.CnGolden;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelKind;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WechatPayConnectorTest {

    // Test vector A (wechatpay-go notify_test.go): headers, body, certificate, 16-byte APIv3 key.
    private static final long A_TIMESTAMP = 1624523846L;
    private static final String A_NONCE = "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz";
    private static final String A_SERIAL = "D7CE59D1F522D701";
    private static final String A_SIGNATURE = "tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6LfTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q==";
    private static final String A_KEY = "testMchAPIv3Key0";
    // Test vector B (wechatpay-java AeadAesCipherTest): a 32-byte APIv3 key.
    private static final String B_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    private static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0112345678902026112000000000000001";
    private static final Instant NOW = Instant.parse("2026-11-20T02:15:10Z");

    private static KeyPair platform;

    private final WechatPayConnector atVectorA = new WechatPayConnector(
            Clock.fixed(Instant.ofEpochSecond(A_TIMESTAMP), ZoneOffset.UTC));
    private final WechatPayConnector connector = new WechatPayConnector(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void generatePlatformKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        platform = generator.generateKeyPair();
    }

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("wechatpay")).isInstanceOf(WechatPayConnector.class);
    }

    @Test
    void accepts_the_official_notification_signed_by_the_platform_certificate() {
        assertThat(atVectorA.verify(vectorA(CnGolden.fixture("wechatpay/payscore.user_open_service.signed-body.json"),
                A_SIGNATURE), certificateChannel())).isEqualTo(Verification.ok());
    }

    @Test
    void decrypts_the_official_resource_to_the_published_plaintext() {
        ObjectNode resource = (ObjectNode) WechatPayNotificationMapper.parse(
                CnGolden.fixture("wechatpay/payscore.user_open_service.signed-body.json")).path("resource");

        byte[] plain = WechatPayResource.decrypt(A_KEY, resource.path("nonce").asText(),
                resource.path("associated_data").asText(), resource.path("ciphertext").asText());

        assertThat(new String(plain, StandardCharsets.UTF_8))
                .isEqualTo(CnGolden.fixtureText("wechatpay/payscore.user_open_service.decrypted-resource.json"));
    }

    @Test
    void decrypts_the_aes_256_vector_and_refuses_a_wrong_nonce_or_associated_data() {
        String sealed = "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=";

        assertThat(WechatPayResource.decrypt(B_KEY, "uluk4a9R25RW", "associatedData", sealed))
                .asString(StandardCharsets.UTF_8).isEqualTo("message");
        assertThatThrownBy(() -> WechatPayResource.decrypt(B_KEY, "uluk4a9R25RW", "bad-associatedData", sealed))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("GCM tag does not match");
        assertThatThrownBy(() -> WechatPayResource.decrypt(B_KEY, "bad-4a9R25RW", "associatedData", sealed))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("GCM tag does not match");
    }

    @Test
    void checks_the_rsa_vector_of_the_merchant_certificate_even_though_it_has_expired() {
        var key = PublicKeys.rsa(CnGolden.fixtureText("wechatpay/wechatpay-java.test-merchant-certificate.pem"), "cert");
        byte[] signature = Base64.getDecoder().decode("Rq+5ZpWV6IHTWE1+9gCrYJKguNgbItpMdlIA+PVCPCdUAKNlohZz7CL7Y8xWDIFJjdGnErMj6Z+Q/h9CF5MV+nAVkqDmBR0uP5ppsUEzco4ijvKHsvI2ro4boSW6vSfQs3W8I4QSI9a0/NFIgvj83Fv27LIYZf7deaFWmEwd1fpAeJRCyoKyBeJPdsjVx0//Lqe6Wze2zVdliLcBvaHCfpd8+rAVGS+FQDeWgHqJ7n/Zy09LmV1/ghs7pO1mdjdD16SHKlysAD3K5hNGUJX/SHrEXEcu1yO1AOb/YvOVkjNh8243rcfXNE5L4ph2XS11vS+2aToKYSOcKUagf0LLaw==");

        assertThat(WechatPaySignature.matches(key, "message".getBytes(StandardCharsets.UTF_8), signature)).isTrue();
        assertThat(WechatPaySignature.matches(key, "messagf".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void rejects_a_tampered_body() {
        String body = CnGolden.fixtureText("wechatpay/payscore.user_open_service.signed-body.json").replace("签约成功", "签约失败");

        assertThat(atVectorA.verify(vectorA(body.getBytes(StandardCharsets.UTF_8), A_SIGNATURE), certificateChannel()))
                .isEqualTo(Verification.rejected("Wechatpay-Signature does not match the body"));
    }

    @Test
    void rejects_a_notification_five_minutes_or_more_away_from_now() {
        byte[] body = CnGolden.fixture("wechatpay/payscore.user_open_service.signed-body.json");
        WechatPayConnector fiveMinutesLater = new WechatPayConnector(
                Clock.fixed(Instant.ofEpochSecond(A_TIMESTAMP + 300), ZoneOffset.UTC));
        WechatPayConnector justInside = new WechatPayConnector(
                Clock.fixed(Instant.ofEpochSecond(A_TIMESTAMP + 299), ZoneOffset.UTC));

        assertThat(fiveMinutesLater.verify(vectorA(body, A_SIGNATURE), certificateChannel()))
                .isEqualTo(Verification.rejected("timestamp is 300 s away from now; tolerance is 300 s"));
        assertThat(justInside.verify(vectorA(body, A_SIGNATURE), certificateChannel()).isVerified()).isTrue();
    }

    @Test
    void rejects_a_missing_signature_a_signature_probe_and_an_unknown_serial() {
        byte[] body = CnGolden.fixture("wechatpay/payscore.user_open_service.signed-body.json");
        InboundRequest unsigned = request(body, Map.of("Wechatpay-Timestamp", String.valueOf(A_TIMESTAMP),
                "Wechatpay-Nonce", A_NONCE, "Wechatpay-Serial", A_SERIAL));
        InboundRequest otherSerial = request(body, Map.of("Wechatpay-Timestamp", String.valueOf(A_TIMESTAMP),
                "Wechatpay-Nonce", A_NONCE, "Wechatpay-Serial", "5F1C72E2A8931B72", "Wechatpay-Signature", A_SIGNATURE));

        assertThat(atVectorA.verify(unsigned, certificateChannel()))
                .isEqualTo(Verification.rejected("missing Wechatpay-Signature header"));
        assertThat(atVectorA.verify(vectorA(body, "WECHATPAY/SIGNTEST/" + A_SIGNATURE), certificateChannel()).isVerified())
                .isFalse();
        assertThat(atVectorA.verify(otherSerial, certificateChannel()).isVerified()).isFalse();
    }

    @Test
    void reports_the_official_payscore_notification_as_unsupported_and_still_acknowledges_it() {
        MappingResult result = atVectorA.map(vectorA(CnGolden.fixture("wechatpay/payscore.user_open_service.signed-body.json"),
                A_SIGNATURE), certificateChannel());

        CnGolden.assertMatches(result, "wechatpay/payscore.user_open_service.expected.json");
    }

    @Test
    void verifies_and_maps_a_payment_success_to_a_payment_captured_from_the_payer_openid() throws Exception {
        InboundRequest request = sealedAndSigned("TRANSACTION.SUCCESS", "transaction", "transaction.success.resource.json");

        assertThat(connector.verify(request, publicKeyChannel())).isEqualTo(Verification.ok());
        CnGolden.assertMatches(connector.map(request, publicKeyChannel()), "wechatpay/TRANSACTION.SUCCESS.expected.json");
    }

    @Test
    void maps_a_refund_success_to_a_refund_issued() throws Exception {
        InboundRequest request = sealedAndSigned("REFUND.SUCCESS", "refund", "refund.success.resource.json");

        assertThat(connector.verify(request, publicKeyChannel())).isEqualTo(Verification.ok());
        CnGolden.assertMatches(connector.map(request, publicKeyChannel()), "wechatpay/REFUND.SUCCESS.expected.json");
    }

    @Test
    void refuses_the_docs_example_whose_ciphertext_is_empty_a_body_that_is_not_json_and_an_oversize_body() {
        InboundRequest docsExample = request(CnGolden.fixture("wechatpay/TRANSACTION.SUCCESS.envelope.docs-example.json"), Map.of());

        assertThatThrownBy(() -> connector.map(docsExample, publicKeyChannel()))
                .isInstanceOf(BadPayloadException.class).hasMessage("WeChat Pay resource has no 'ciphertext'");
        assertThatThrownBy(() -> connector.map(request("<xml/>".getBytes(StandardCharsets.UTF_8), Map.of()), publicKeyChannel()))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("wechatpay request body is not JSON");
        byte[] huge = new byte[JsonBodies.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> connector.map(request(huge, Map.of()), publicKeyChannel()))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("the limit is");
    }

    @Test
    void refuses_a_resource_sealed_with_another_apiv3_key() throws Exception {
        InboundRequest request = sealedAndSigned("TRANSACTION.SUCCESS", "transaction", "transaction.success.resource.json");
        ChannelContext wrongKey = new ChannelContext("wxpay-cn", ChannelKind.OWN_ECOMMERCE, "wechatpay",
                Map.of("wechatpayPublicKeyId", PUBLIC_KEY_ID), Secrets.of("wxpay-cn", Map.of("apiV3Key",
                "00000000000000000000000000000000", "wechatpayPublicKey", publicKeyBase64())));

        assertThatThrownBy(() -> connector.map(request, wrongKey))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("GCM tag does not match");
    }

    @Test
    void names_the_missing_key_configuration() {
        ChannelContext bare = new ChannelContext("wxpay-cn", ChannelKind.OWN_ECOMMERCE, "wechatpay", Map.of(), Secrets.none());

        assertThatThrownBy(() -> connector.verify(vectorA(new byte[0], A_SIGNATURE), bare))
                .hasMessageContaining("has no WeChat Pay key").hasMessageContaining("platformCertificates");
    }

    private InboundRequest sealedAndSigned(String eventType, String originalType, String resourceFile) throws Exception {
        ObjectNode envelope = (ObjectNode) ChannelEventJson.mapper().readTree(
                CnGolden.fixture("wechatpay/TRANSACTION.SUCCESS.envelope.docs-example.json"));
        envelope.put("event_type", eventType);
        envelope.put("id", "EV-2026112010150" + originalType.length());
        ObjectNode resource = (ObjectNode) envelope.path("resource");
        resource.put("original_type", originalType);
        resource.put("nonce", "fdasflkja484");
        resource.put("associated_data", originalType);
        resource.put("ciphertext", seal(B_KEY, "fdasflkja484", originalType, CnGolden.resource("wechatpay/" + resourceFile)));
        byte[] body = ChannelEventJson.mapper().writeValueAsBytes(envelope);
        String timestamp = String.valueOf(NOW.getEpochSecond() - 10);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(platform.getPrivate());
        signer.update(WechatPaySignature.message(timestamp, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", body));
        return request(body, Map.of("Wechatpay-Timestamp", timestamp, "Wechatpay-Nonce", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                "Wechatpay-Serial", PUBLIC_KEY_ID, "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048",
                "Wechatpay-Signature", Base64.getEncoder().encodeToString(signer.sign())));
    }

    private static String seal(String key, String nonce, String aad, byte[] plain) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    }

    private static InboundRequest vectorA(byte[] body, String signature) {
        return request(body, Map.of("Wechatpay-Timestamp", String.valueOf(A_TIMESTAMP), "Wechatpay-Nonce", A_NONCE,
                "Wechatpay-Serial", A_SERIAL, "Wechatpay-Signature", signature));
    }

    private static InboundRequest request(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        multi.put("Content-Type", List.of("application/json"));
        return new InboundRequest("POST", "https://hub.example.com/webhooks/wxpay-cn", multi, Map.of(), body, NOW);
    }

    private static ChannelContext certificateChannel() {
        return new ChannelContext("wxpay-cn", ChannelKind.OWN_ECOMMERCE, "wechatpay", Map.of(),
                Secrets.of("wxpay-cn", Map.of("apiV3Key", A_KEY,
                        "platformCertificates", CnGolden.fixtureText("wechatpay/wechatpay-go.test-cert.pem"))));
    }

    private static ChannelContext publicKeyChannel() {
        return new ChannelContext("wxpay-cn", ChannelKind.OWN_ECOMMERCE, "wechatpay",
                Map.of("wechatpayPublicKeyId", PUBLIC_KEY_ID),
                Secrets.of("wxpay-cn", Map.of("apiV3Key", B_KEY, "wechatpayPublicKey", publicKeyBase64())));
    }

    private static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(platform.getPublic().getEncoded());
    }
}
