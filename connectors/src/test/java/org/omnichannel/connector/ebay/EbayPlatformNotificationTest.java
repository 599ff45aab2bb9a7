package org.omnichannel.connector.ebay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.connector.testing.Golden.RECEIVED_AT;
import static org.omnichannel.connector.testing.Golden.fixture;
import static org.omnichannel.connector.testing.Golden.post;
import static org.omnichannel.connector.testing.Golden.resource;

/**
 * Legacy Trading API platform notifications (SOAP) as order triggers: NotificationSignature, timestamp tolerance,
 * a hardened XML reader, and what the hub is told to fetch. No official test vector exists (../shared/fixtures/ebay/SPEC.md);
 * the signature in the sample was computed with openssl and md5sum (see the comment in the XML).
 */
class EbayPlatformNotificationTest {

    private static final String DEV_ID = "omni-test-dev-0001";
    private static final String APP_ID = "OmniTest-Hub-PRD-0123456789-abcdef01";
    private static final String CERT_ID = "PRD-0123456789ab-cdef-0123-4567-89ab";
    private static final String SAMPLE = "ebay/platform-FixedPriceTransaction.built-from-docs.xml";
    private static final String OPENSSL_SIGNATURE = "zWZ69BgPI4uUxYdpL80c4A==";

    private final EbayConnectorTest.MutableClock clock = new EbayConnectorTest.MutableClock(RECEIVED_AT);
    private final EbayConnector connector = connector(clock);
    private final FetchSource source = connector.fetchSource().orElseThrow();

    @Test
    void computes_the_notification_signature_as_openssl_does() {
        assertThat(EbayNotificationSignature.compute("2026-11-23T11:58:30.123Z", DEV_ID, APP_ID, CERT_ID))
                .isEqualTo(OPENSSL_SIGNATURE);
    }

    @Test
    void verifies_a_fixed_price_transaction_signed_with_the_channel_keyset_and_names_its_order() {
        InboundRequest request = soap(sample());

        assertThat(connector.verify(request, channel(Map.of()))).isEqualTo(Verification.ok());
        assertThat(source.references(request, channel(Map.of()))).containsExactly(new FetchRef("order", "12-12345-67890",
                Map.of("event", "FixedPriceTransaction"), "FixedPriceTransaction@2026-11-23T11:58:30.123Z"));
    }

    @Test
    void rejects_a_tampered_signature_a_tampered_timestamp_and_another_keyset() {
        InboundRequest tamperedSignature = soap(sample().replace(OPENSSL_SIGNATURE, "zWZ69BgPI4uUxYdpL80c4Q=="));
        InboundRequest tamperedTimestamp = soap(sample().replace("<Timestamp>2026-11-23T11:58:30.123Z",
                "<Timestamp>2026-11-23T11:58:31.123Z"));
        ChannelContext otherKeyset = new ChannelContext("ebay-us", ChannelKind.MARKETPLACE, "ebay", Map.of(),
                Secrets.of("ebay-us", Map.of("devId", DEV_ID, "appId", APP_ID, "certId", "PRD-another-cert")));
        Verification mismatch = Verification.rejected("NotificationSignature does not match the Timestamp and the channel's keyset");

        assertThat(connector.verify(tamperedSignature, channel(Map.of()))).isEqualTo(mismatch);
        assertThat(connector.verify(tamperedTimestamp, channel(Map.of()))).isEqualTo(mismatch);
        assertThat(connector.verify(soap(sample()), otherKeyset)).isEqualTo(mismatch);
        assertThat(connector.verify(soap(sample().replace(OPENSSL_SIGNATURE, "not base64 %%")), channel(Map.of())))
                .isEqualTo(mismatch);
    }

    @Test
    void rejects_a_notification_without_a_signature() {
        String unsigned = sample().replaceAll("(?s)<soapenv:Header>.*</soapenv:Header>", "");

        assertThat(connector.verify(soap(unsigned), channel(Map.of())))
                .isEqualTo(Verification.rejected("ebay platform notification has no NotificationSignature in its SOAP header"));
    }

    @Test
    void rejects_a_timestamp_outside_ten_minutes_unless_the_channel_allows_more() {
        clock.advance(Duration.ofMinutes(11));

        assertThat(connector.verify(soap(sample()), channel(Map.of())))
                .isEqualTo(Verification.rejected("Timestamp is 749 s away from now; tolerance is 600 s"));
        assertThat(connector.verify(soap(sample()), channel(Map.of("toleranceSeconds", "900"))).isVerified()).isTrue();
    }

    @Test
    void refuses_an_xxe_payload_without_reading_the_file_it_names(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-FILE-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE soapenv:Envelope [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + sample().substring(sample().indexOf("<soapenv:Envelope")).replace("<Timestamp>2026-11-23T11:58:30.123Z",
                "<Timestamp>&leak;");
        InboundRequest request = soap(xxe);

        Verification verdict = connector.verify(request, channel(Map.of()));
        assertThat(verdict.isVerified()).isFalse();
        assertThat(((Verification.Rejected) verdict).reason()).startsWith("ebay platform notification cannot be verified:"
                + " ebay platform notification is not well-formed XML without a DOCTYPE:").contains("DOCTYPE")
                .doesNotContain("SECRET-FILE-CONTENT");
        assertThatThrownBy(() -> connector.map(request, channel(Map.of()))).isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("SECRET-FILE-CONTENT");
        assertThatThrownBy(() -> source.references(request, channel(Map.of()))).isInstanceOf(BadPayloadException.class);
    }

    @Test
    void maps_a_trigger_to_no_event_but_a_summary_only_skip_acknowledged_with_200() {
        MappingResult result = connector.map(soap(sample()), channel(Map.of()));

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).containsExactly(new MappingResult.Skipped(MappingResult.SkipReason.SUMMARY_ONLY,
                "ebay platform notification FixedPriceTransaction of 2026-11-23T11:58:30.123Z names order(s) 12-12345-67890;"
                        + " they are fetched from the Fulfillment API"));
        assertThat(result.acknowledgement().status()).isEqualTo(200);
    }

    @Test
    void a_notification_naming_no_order_is_acknowledged_and_reported_unsupported() {
        String listed = sample().replace("FixedPriceTransaction", "ItemListed")
                .replaceAll("(?s)<TransactionArray>.*</TransactionArray>", "");

        MappingResult result = connector.map(soap(listed), channel(Map.of()));

        assertThat(result.isUnsupported()).isTrue();
        assertThat(result.acknowledgement().status()).isEqualTo(200);
        assertThat(source.references(soap(listed), channel(Map.of()))).isEmpty();
    }

    @Test
    void tells_soap_platform_notifications_from_json_notification_api_requests() {
        InboundRequest json = post("/webhooks/ebay-us", Map.of("Content-Type", "application/json"),
                fixture("ebay", "MARKETPLACE_ACCOUNT_DELETION.signed-body.json"));
        InboundRequest soapActionOnly = post("/webhooks/ebay-us",
                Map.of("SOAPAction", "\"http://developer.ebay.com/notification/FixedPriceTransaction\""),
                sample().getBytes(StandardCharsets.UTF_8));

        assertThat(source.references(json, channel(Map.of()))).isEmpty();
        assertThat(connector.verify(json, channel(Map.of())))
                .as("a JSON request still needs the Notification API's ECDSA signature")
                .isEqualTo(Verification.rejected("missing X-EBAY-SIGNATURE header"));
        assertThat(connector.verify(soapActionOnly, channel(Map.of())).isVerified()).isTrue();
    }

    @Test
    void names_the_event_from_the_soap_action_when_the_body_does_not() {
        String anonymous = sample().replace("<NotificationEventName>FixedPriceTransaction</NotificationEventName>", "");
        InboundRequest request = post("/webhooks/ebay-us", Map.of("Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "\"http://developer.ebay.com/notification/ItemSold\""), anonymous.getBytes(StandardCharsets.UTF_8));

        assertThat(source.references(request, channel(Map.of())).get(0).attribute("event")).isEqualTo("ItemSold");
    }

    @Test
    void says_what_is_wrong_with_an_envelope_it_cannot_use() {
        assertThatThrownBy(() -> connector.map(soap("<xml><a/></xml>"), channel(Map.of())))
                .isInstanceOf(BadPayloadException.class)
                .hasMessage("ebay platform notification root is <xml>, expected a SOAP 1.1 Envelope");
        assertThatThrownBy(() -> connector.map(soap(sample().replaceAll("<Timestamp>[^<]*</Timestamp>", "")), channel(Map.of())))
                .isInstanceOf(BadPayloadException.class)
                .hasMessage("ebay platform notification GetItemTransactionsResponse has no Timestamp");
        assertThatThrownBy(() -> connector.map(soap(""), channel(Map.of()))).isInstanceOf(BadPayloadException.class)
                .hasMessage("ebay platform notification has an empty body; expected a SOAP envelope");
    }

    private static String sample() {
        return new String(resource(SAMPLE), StandardCharsets.UTF_8);
    }

    private static InboundRequest soap(String body) {
        return post("/webhooks/ebay-us", Map.of("Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "\"http://developer.ebay.com/notification/FixedPriceTransaction\""), body.getBytes(StandardCharsets.UTF_8));
    }

    private static ChannelContext channel(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        return new ChannelContext("ebay-us", ChannelKind.MARKETPLACE, "ebay", all,
                Secrets.of("ebay-us", Map.of("devId", DEV_ID, "appId", APP_ID, "certId", CERT_ID)));
    }

    private static EbayConnector connector(EbayConnectorTest.MutableClock clock) {
        HttpClient http = HttpClient.newHttpClient();
        EbayOAuthTokens tokens = new EbayOAuthTokens(http, null, clock);
        return new EbayConnector((kid, channel) -> Optional.empty(), tokens,
                new EbayFulfillmentClient(http, tokens, null, clock), clock);
    }
}
