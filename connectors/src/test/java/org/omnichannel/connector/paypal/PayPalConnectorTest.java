package org.omnichannel.connector.paypal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.MappingResult.SkipReason;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.WebGolden.assertGolden;
import static org.omnichannel.connector.testing.WebGolden.fixture;
import static org.omnichannel.connector.testing.WebGolden.post;
import static org.omnichannel.connector.testing.WebGolden.resource;

/**
 * Verifies the PayPal SDK's signed BILLING.PLAN.CREATED vector end to end: the certificate is served
 * by a real HTTP server on 127.0.0.1, fetched, checked (name, validity at the vector's time, pinned
 * trust, since the SDK's certificate comes without its intermediate) and cached.
 */
class PayPalConnectorTest {

    private static final Instant SENT = Instant.parse("2017-03-30T20:04:05Z");
    private static final String SIG = "aBjgm5/xljRYu3G64Q0axISrP2xcy7WbW1u4UTCKnQvyprOZ1a1BBmqn2Jdr6ce8E76I3Ti/AL9y4VYSHyGSEaoE6dVQcCDebLbOXLH0fjTAbTc1/"
            + "rmfdWmsk0DPltW84Y8W8jOHe3CLWDOwg5zmozyt+AceG2x5eOiw7mLSycaEoj/5RG+dOIWXnmWcLEArbG3VFshy0wuhZrKuGa9C/bD4Ku+Y9gK7Bv5I5IuGRVnTGpcFnVG0"
            + "KxOyJxccLGyBVCIUMY5IZS7LkmJszQ3HZZFDTNihvgJHECSLwLhzUaysIye5G6CbbLdtAmeeb6wiDciEAvr2dFf+SplOR4Lrng==";

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;
    private String certUrl;
    private final PayPalCertUrlPolicy local = PayPalCertUrlPolicy.allowing("http", Set.of("127.0.0.1"));

    @BeforeEach
    void serve_the_sdk_certificate() throws IOException {
        byte[] pem = fixture("paypal", "paypal-sdk-test-client-cert.pem");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(status, status == 200 ? pem.length : -1);
            if (status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(pem);
                }
            }
            exchange.close();
        });
        server.start();
        certUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("paypal")).isInstanceOf(PayPalConnector.class);
    }

    @Test
    void signs_the_documented_string_of_transmission_webhook_id_and_crc32() {
        byte[] body = fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json");
        String expected = new String(fixture("paypal", "BILLING.PLAN.CREATED.expected-signed-string.txt"), StandardCharsets.UTF_8).trim();

        assertThat(PayPalConnector.crc32(body)).isEqualTo("3494065244");
        assertThat("071f7d20-1584-11e7-abf0-6b62a8a99ac4|2017-03-30T20:04:05Z|96605875FF6516633|" + PayPalConnector.crc32(body))
                .isEqualTo(expected);
    }

    @Test
    void accepts_the_official_sdk_vector_with_the_certificate_fetched_over_http() {
        assertThat(connector(SENT.plusSeconds(10), pinned()).verify(vector(fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json")),
                channel("96605875FF6516633", Map.of())).isVerified()).isTrue();
    }

    @Test
    void rejects_another_webhook_id_and_a_tampered_body() {
        PayPalConnector connector = connector(SENT, pinned());
        byte[] body = fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"value\":\"100\"", "\"value\":\"1\"").getBytes(StandardCharsets.UTF_8);

        assertThat(connector.verify(vector(body), channel("NotToBeFound", Map.of()))).isEqualTo(Verification.rejected(
                "PAYPAL-TRANSMISSION-SIG does not match the transmission, webhook id and body"));
        assertThat(connector.verify(vector(tampered), channel("96605875FF6516633", Map.of())).isVerified()).isFalse();
    }

    @Test
    void rejects_an_expired_transmission() {
        Verification verdict = connector(SENT.plusSeconds(301), pinned())
                .verify(vector(fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json")), channel("96605875FF6516633", Map.of()));

        assertThat(verdict).isEqualTo(Verification.rejected("transmission time is 301 s away from now; tolerance is 300 s"));
    }

    @Test
    void rejects_missing_signature_headers_and_another_algorithm() {
        byte[] body = fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json");
        Map<String, String> headers = new HashMap<>(headers());
        headers.remove("PAYPAL-TRANSMISSION-SIG");
        PayPalConnector connector = connector(SENT, pinned());

        assertThat(connector.verify(post("/", headers, body), channel("96605875FF6516633", Map.of())))
                .isEqualTo(Verification.rejected("missing PAYPAL-TRANSMISSION-SIG header"));
        headers.put("PAYPAL-TRANSMISSION-SIG", SIG);
        headers.put("PAYPAL-AUTH-ALGO", "SHA1withRSA");
        assertThat(connector.verify(post("/", headers, body), channel("96605875FF6516633", Map.of())))
                .isEqualTo(Verification.rejected("PAYPAL-AUTH-ALGO 'SHA1withRSA' is not accepted; expected SHA256withRSA"));
        assertThat(fetches).hasValue(0);
    }

    @Test
    void never_fetches_a_certificate_from_outside_paypal() {
        Map<String, String> headers = new HashMap<>(headers());
        headers.put("PAYPAL-CERT-URL", "https://paypal.com.evil.example/certs/CERT-1");
        PayPalConnector connector = new PayPalConnector(new HttpPayPalCertificates(), PayPalCertUrlPolicy.PAYPAL,
                Clock.fixed(SENT, ZoneOffset.UTC));

        assertThat(connector.verify(post("/", headers, fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json")),
                channel("96605875FF6516633", Map.of())))
                .isEqualTo(Verification.rejected("PAYPAL-CERT-URL is not an https URL on PayPal's API hosts"));
        assertThat(PayPalCertUrlPolicy.PAYPAL.check("https://api.paypal.com/v1/notifications/certs/CERT-1")).isPresent();
        assertThat(PayPalCertUrlPolicy.PAYPAL.check("http://api.paypal.com/v1/notifications/certs/CERT-1")).isEmpty();
        assertThat(PayPalCertUrlPolicy.PAYPAL.check("https://user@api.paypal.com/cert")).isEmpty();
        assertThat(PayPalCertUrlPolicy.PAYPAL.check("https://api.paypal.com:8443/cert")).isEmpty();
    }

    @Test
    void refuses_a_certificate_that_has_expired_or_is_not_trusted() {
        byte[] body = fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json");
        ChannelContext lenient = channel("96605875FF6516633", Map.of("toleranceSeconds", "1000000000"));

        assertThat(connector(Instant.parse("2020-01-01T00:00:00Z"), pinned()).verify(vector(body), lenient))
                .isEqualTo(Verification.rejected("signing certificate refused: the signing certificate is not valid now "
                        + "(valid 2017-02-18T00:00:00Z to 2019-04-26T12:00:00Z)"));
        assertThat(connector(SENT, PayPalCertificateTrust.pinned(Set.of("00".repeat(32)))).verify(vector(body), lenient))
                .isEqualTo(Verification.rejected("signing certificate refused: the signing certificate is not one of the pinned certificates"));
        Verification pkix = connector(SENT, PayPalCertificateTrust.jdkDefault()).verify(vector(body), lenient);
        assertThat(((Verification.Rejected) pkix).reason())
                .startsWith("signing certificate refused: the certificate chain does not lead to a trusted root");
    }

    @Test
    void fetches_the_certificate_once_for_many_webhooks() {
        PayPalConnector connector = connector(SENT, pinned());
        InboundRequest request = vector(fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json"));

        for (int i = 0; i < 3; i++) {
            assertThat(connector.verify(request, channel("96605875FF6516633", Map.of())).isVerified()).isTrue();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void a_certificate_server_failure_is_transient_not_a_rejection() {
        status = 503;

        assertThatThrownBy(() -> connector(SENT, pinned()).verify(vector(fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json")),
                channel("96605875FF6516633", Map.of())))
                .isInstanceOfSatisfying(PayPalCertificateException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessage("cert URL answered HTTP 503");
    }

    @Test
    void maps_captures_and_refunds_to_their_golden_events() {
        PayPalConnector connector = connector(SENT, pinned());
        ChannelContext channel = channel("96605875FF6516633", Map.of());

        assertGolden(connector.map(post("/", Map.of(), resource("paypal/PAYMENT.CAPTURE.COMPLETED.json")), channel).events(),
                "paypal/golden/PAYMENT.CAPTURE.COMPLETED.json");
        assertGolden(connector.map(post("/", Map.of(), resource("paypal/PAYMENT.CAPTURE.REFUNDED.json")), channel).events(),
                "paypal/golden/PAYMENT.CAPTURE.REFUNDED.json");
    }

    @Test
    void reports_the_recorded_fixtures_that_move_no_money() {
        PayPalConnector connector = connector(SENT, pinned());
        ChannelContext channel = channel("96605875FF6516633", Map.of());

        MappingResult plan = connector.map(post("/", Map.of(), fixture("paypal", "BILLING.PLAN.CREATED.signed-body.json")), channel);
        MappingResult authorization = connector.map(post("/", Map.of(),
                fixture("paypal", "PAYMENT.AUTHORIZATION.CREATED.openapi-example.json")), channel);

        assertThat(plan.isUnsupported()).isTrue();
        assertThat(plan.skipped().get(0).detail()).startsWith(
                "paypal event type 'BILLING.PLAN.CREATED' (WH-2MW4820926242972J-6SG447389E205703U) is not mapped");
        assertThat(authorization.events()).isEmpty();
        assertThat(authorization.skipped()).extracting(MappingResult.Skipped::reason).containsExactly(SkipReason.NOT_ACTIONABLE);
    }

    @Test
    void maps_v1_sale_completions_and_refunds_and_keys_them_by_sale_and_refund() {
        PayPalConnector connector = connector(SENT, pinned());
        ChannelContext channel = channel("96605875FF6516633", Map.of());
        String sale = "{\"id\":\"WH-1\",\"create_time\":\"2026-11-20T02:15:03Z\",\"event_type\":\"PAYMENT.SALE.COMPLETED\","
                + "\"resource\":{\"id\":\"80021663DE681814L\",\"state\":\"completed\",\"amount\":{\"total\":\"30.11\",\"currency\":\"USD\"},"
                + "\"parent_payment\":\"PAY-1B56960729604235TKQQIYVY\",\"invoice_number\":\"WS10022\",\"create_time\":\"2026-11-20T02:14:59Z\"}}";
        String refund = "{\"id\":\"WH-2\",\"create_time\":\"2026-11-21T02:15:03Z\",\"event_type\":\"PAYMENT.SALE.REFUNDED\","
                + "\"resource\":{\"id\":\"0LF9SG8JP8X25RX\",\"state\":\"completed\",\"amount\":{\"total\":\"-10.00\",\"currency\":\"USD\"},"
                + "\"sale_id\":\"80021663DE681814L\",\"parent_payment\":\"PAY-1B56960729604235TKQQIYVY\"}}";

        PaymentPayload payment = connector.map(post("/", Map.of(), sale.getBytes(StandardCharsets.UTF_8)), channel)
                .events().get(0).payloadAs(PaymentPayload.class);
        RefundPayload refunded = connector.map(post("/", Map.of(), refund.getBytes(StandardCharsets.UTF_8)), channel)
                .events().get(0).payloadAs(RefundPayload.class);

        assertThat(payment.orderId()).isEqualTo("WS10022");
        assertThat(payment.amount().amountMinor()).isEqualTo(3011);
        assertThat(refunded.orderId()).isEqualTo("80021663DE681814L");
        assertThat(refunded.amount().amountMinor()).isEqualTo(1000);
    }

    @Test
    void names_what_is_wrong_with_a_bad_body() {
        String noAmount = new String(resource("paypal/PAYMENT.CAPTURE.COMPLETED.json"), StandardCharsets.UTF_8)
                .replace("\"amount\":{\"currency_code\":\"CNY\",\"value\":\"1299.00\"}", "\"amount\":{\"currency_code\":\"CNY\"}");
        ChannelContext channel = channel("96605875FF6516633", Map.of());

        assertThatThrownBy(() -> connector(SENT, pinned()).map(post("/", Map.of(), noAmount.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("resource.amount.value is missing");
    }

    private PayPalConnector connector(Instant now, PayPalCertificateTrust trust) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        PayPalCertificates certificates = new CachingPayPalCertificates(
                new HttpPayPalCertificates(http, local, trust, clock), Duration.ofHours(24), clock);
        return new PayPalConnector(certificates, local, clock);
    }

    private static PayPalCertificateTrust pinned() {
        return PayPalCertificateTrust.pinned(Set.of(PayPalCertificateTrust.fingerprint(
                HttpPayPalCertificates.parse(fixture("paypal", "paypal-sdk-test-client-cert.pem")).get(0))));
    }

    private InboundRequest vector(byte[] body) {
        return post("/webhooks/pay-pp", headers(), body);
    }

    private Map<String, String> headers() {
        return Map.of("PAYPAL-TRANSMISSION-ID", "071f7d20-1584-11e7-abf0-6b62a8a99ac4",
                "PAYPAL-TRANSMISSION-TIME", "2017-03-30T20:04:05Z", "PAYPAL-TRANSMISSION-SIG", SIG,
                "PAYPAL-CERT-URL", certUrl, "PAYPAL-AUTH-ALGO", "SHA256withRSA", "Content-Type", "application/json");
    }

    private static ChannelContext channel(String webhookId, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("webhookId", webhookId);
        return new ChannelContext("pay-pp", ChannelKind.OWN_ECOMMERCE, "paypal", all, Secrets.none());
    }
}
