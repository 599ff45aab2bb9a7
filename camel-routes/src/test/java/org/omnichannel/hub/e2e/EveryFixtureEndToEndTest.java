package org.omnichannel.hub.e2e;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.channel.ChannelsFile;
import org.omnichannel.hub.e2e.VendorRequest.Outcome;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.omnichannel.hub.support.TopicReader;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connector's recorded webhook fixtures, sent over HTTP to one running hub (real Vert.x server,
 * embedded KRaft broker) as the vendor would send them, delivered to the local HTTPS stand-in of
 * OFBiz's ingest API: the vendor gets the connector's acknowledgement, and OFBiz processes each
 * event the connector maps the payload to exactly once, under the eventId the connector gives it.
 * Payloads that map to no event are acknowledged and nothing reaches omni.inbound; recorded payloads
 * the connector refuses (Stripe's ASSEMBLED events contradict their type) are answered 400 and quarantined.
 */
class EveryFixtureEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FIXTURES = Path.of(System.getProperty("omni.fixtures", "../../shared/fixtures"));
    private static final Path CONNECTOR_RESOURCES = Path.of(System.getProperty("omni.connector.resources",
            "../connectors/src/test/resources"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;
    private static OfbizStandIn ofbiz;
    private static EbayKeyServer ebay;
    private static HubUnderTest hub;
    private static ChannelRegistry channels;

    @BeforeAll
    static void start() throws Exception {
        ofbiz = OfbizStandIn.start(dir);
        ebay = EbayKeyServer.start(FIXTURES);
        VendorChannels.write(dir, FIXTURES, ebay.baseUrl());
        hub = HubUnderTest.start(dir, ofbiz.hubProperties(dir));
        channels = ChannelRegistry.create("test", ChannelsFile.read(dir.resolve("channels.yaml"),
                Set.copyOf(Connectors.load().systems())), Connectors.load(), System::getenv);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (ofbiz != null) {
            ofbiz.close();
        }
        if (ebay != null) {
            ebay.close();
        }
    }

    static Stream<VendorRequest> fixtures() {
        return new VendorRequests(FIXTURES, CONNECTOR_RESOURCES, hub.baseUrl()).all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reaches_ofbiz_once_per_event_as_its_connector_maps_it(VendorRequest request) throws Exception {
        ChannelRegistry.Channel channel = channels.require(request.channelId());
        String sha256 = Signatures.sha256Hex(request.body());
        MappingResult expected;
        try {
            expected = channel.connector().map(request.toInbound(hub.baseUrl()), channel.context());
        } catch (BadPayloadException refused) {
            assertThat(request.outcome()).as("the connector refuses it: %s", refused.getMessage()).isEqualTo(Outcome.REFUSED);
            assertRefused(request, sha256, refused.getMessage());
            return;
        }
        List<String> eventIds = expected.events().stream().map(ChannelEvent::eventId).toList();
        assertThat(eventIds.isEmpty() ? Outcome.NO_EVENT : Outcome.EVENTS).as("what the connector maps it to: %s",
                expected.skipped()).isEqualTo(request.outcome());

        HttpResponse<byte[]> response = HTTP.send(request.toHttp(hub.baseUrl()), HttpResponse.BodyHandlers.ofByteArray());

        String answer = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as("the hub's answer: %s", answer).isEqualTo(expected.acknowledgement().status());
        if (expected.acknowledgement().body().length > 0) {
            assertThat(answer).isEqualTo(new String(expected.acknowledgement().body(), StandardCharsets.UTF_8));
        }
        if (eventIds.isEmpty()) {
            assertThat(expected.skipped()).as("a payload that maps to no event says why").isNotEmpty();
            assertThat(queuedFrom(request.channelId(), sha256)).isEmpty();
            assertThat(raw(request.channelId(), sha256)).as("the raw body is kept").isNotEmpty();
            return;
        }
        assertThat(ofbiz.awaitProcessed(eventIds, WAIT)).as("OFBiz processed %s", eventIds).isTrue();
        assertThat(eventIds).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
        List<String> queued = queuedFrom(request.channelId(), sha256);
        assertThat(eventIds).allSatisfy(id -> assertThat(queued).as("queued once: %s", id).containsOnlyOnce(id));
    }

    /** A recorded payload the connector refuses: 400 naming the fault, the body quarantined, nothing queued. */
    private static void assertRefused(VendorRequest request, String sha256, String reason) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request.toHttp(hub.baseUrl()), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(reason);
        assertThat(queuedFrom(request.channelId(), sha256)).isEmpty();
        assertThat(raw(request.channelId(), sha256)).anySatisfy(r ->
                assertThat(KafkaHeaders.text(r.headers(), KafkaHeaders.DISPOSITION)).isEqualTo("quarantined"));
    }

    private static List<ConsumerRecord<String, byte[]>> raw(String channelId, String sha256) {
        return TopicReader.readAll(hub.bootstrapServers(), HubTopics.RAW, r -> r.key().equals(channelId + "/" + sha256));
    }

    /** The eventIds queued on omni.inbound from this body (their raw reference carries its hash). */
    private static List<String> queuedFrom(String channelId, String sha256) throws IOException {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND,
                r -> channelId.equals(KafkaHeaders.text(r.headers(), KafkaHeaders.CHANNEL)));
        return records.stream().map(r -> ChannelEventJson.read(r.value()))
                .filter(e -> e.raw() != null && sha256.equals(e.raw().sha256()))
                .map(ChannelEvent::eventId).toList();
    }
}
