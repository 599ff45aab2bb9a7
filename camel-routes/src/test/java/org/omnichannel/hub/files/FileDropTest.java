package org.omnichannel.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.channel.ChannelsFile;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.omnichannel.hub.support.TopicReader;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** POS CSV files dropped into a channel's directory, through the real hub and broker to the OFBiz stand-in. */
class FileDropTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The POS connector's own sample files (connectors/src/test/resources/pos). */
    private static final Path SAMPLES = Path.of(System.getProperty("omni.connector.resources",
            "../connectors/src/test/resources"), "pos");

    @TempDir
    static Path dir;
    private static OfbizStandIn ofbiz;
    private static HubUnderTest hub;
    private static Path westDrop;

    @BeforeAll
    static void start() throws Exception {
        ofbiz = OfbizStandIn.start(dir);
        westDrop = dir.resolve("sftp/franchise-west");
        StringBuilder channels = new StringBuilder("channels:\n");
        for (String id : List.of("franchise-east", "franchise-west", "franchise-bad", "franchise-crash")) {
            channels.append("""
                      - id: %s
                        system: pos-csv
                        kind: OFFLINE_FRANCHISE
                        settings:
                          timeZone: Asia/Shanghai
                          fileStableMs: "200"
                          filePollMs: "200"
                    """.formatted(id));
            if (id.equals("franchise-west")) {
                channels.append("      dropDir: ").append(westDrop).append('\n');
            }
        }
        HubUnderTest.writeChannels(dir, channels.toString());
        hub = HubUnderTest.start(dir, ofbiz.hubProperties(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (ofbiz != null) {
            ofbiz.close();
        }
    }

    @Test
    void a_dropped_receipts_file_reaches_ofbiz_and_moves_to_done_with_its_report() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("receipts.good.csv"));
        List<String> expected = eventIdsOf("franchise-east", csv);
        assertThat(expected).hasSize(5);

        drop(dropDir("franchise-east"), "receipts-20261120.csv", csv);

        Path done = dropDir("franchise-east").resolve("done");
        assertThat(DirectoryWatch.awaitFile(done.resolve("receipts-20261120.csv"), WAIT)).isTrue();
        assertThat(dropDir("franchise-east").resolve("receipts-20261120.csv")).doesNotExist();
        assertThat(Files.readAllBytes(done.resolve("receipts-20261120.csv"))).isEqualTo(csv);
        JsonNode report = report(done.resolve("receipts-20261120.csv.report.json"));
        assertThat(report.path("status").asText()).isEqualTo("done");
        assertThat(report.path("rows").asInt()).isEqualTo(8);
        assertThat(report.path("events").asInt()).isEqualTo(5);
        assertThat(report.path("skipped")).isEmpty();
        assertThat(report.path("eventIds")).extracting(JsonNode::asText).containsExactlyElementsOf(expected);

        assertThat(ofbiz.awaitProcessed(expected, WAIT)).isTrue();
        assertThat(expected).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
        ChannelEvent onKafka = ChannelEventJson.read(inbound(expected.get(0)).get(0).value());
        assertThat(onKafka.raw().location()).isEqualTo(done.resolve("receipts-20261120.csv").toString());
        assertThat(hub.hub().metrics().count("omni.files.processed", "franchise-east", "done")).isEqualTo(1);
        assertThat(hub.hub().metrics().count("omni.files.rows", "franchise-east", "read")).isEqualTo(8);
    }

    @Test
    void a_file_with_bad_rows_delivers_its_good_receipts_and_reports_every_bad_line() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("receipts.with-errors.csv"));
        List<String> expected = eventIdsOf("franchise-bad", csv);
        assertThat(expected).hasSize(1);

        drop(dropDir("franchise-bad"), "receipts.with-errors.csv", csv);

        Path done = dropDir("franchise-bad").resolve("done");
        assertThat(DirectoryWatch.awaitFile(done.resolve("receipts.with-errors.csv"), WAIT)).isTrue();
        JsonNode report = report(done.resolve("receipts.with-errors.csv.report.json"));
        assertThat(report.path("rows").asInt()).isEqualTo(10);
        assertThat(report.path("events").asInt()).isEqualTo(1);
        assertThat(report.path("skipped")).extracting(s -> s.path("reason").asText()).containsOnly("INVALID_PART");
        assertThat(report.path("skipped")).extracting(s -> s.path("detail").asText()).contains(
                "line 5: quantity must be greater than 0, was 0",
                "line 10: has 11 fields but the header has 22",
                "order SH01/1003: not imported: order_total 250.00 CNY is not the sum of line_total, 199.00 CNY");
        assertThat(ofbiz.awaitProcessed(expected, WAIT)).isTrue();
        assertThat(ofbiz.timesProcessed(expected.get(0))).isEqualTo(1);
        assertThat(hub.hub().metrics().count("omni.files.rows", "franchise-bad", "skipped")).isEqualTo(8);
    }

    @Test
    void a_file_that_cannot_be_read_at_all_moves_to_error_with_a_report_naming_the_fault() throws Exception {
        String header = new String(Files.readAllBytes(SAMPLES.resolve("receipts.good.csv")), StandardCharsets.UTF_8)
                .lines().findFirst().orElseThrow().replace("payer_app_id", "payer_appid");
        byte[] csv = (header + "\nORDER,SH09,1,2026-11-20T10:15:00+08:00,,CNY,1.00,,,,,,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8);

        drop(dropDir("franchise-bad"), "misspelt-header.csv", csv);

        Path error = dropDir("franchise-bad").resolve("error");
        assertThat(DirectoryWatch.awaitFile(error.resolve("misspelt-header.csv"), WAIT)).isTrue();
        JsonNode report = report(error.resolve("misspelt-header.csv.report.json"));
        assertThat(report.path("status").asText()).isEqualTo("error");
        assertThat(report.path("error").asText()).startsWith("line 1: the header has columns missing payer_app_id; "
                + "unknown 'payer_appid'");
        assertThat(hub.hub().metrics().count("omni.files.processed", "franchise-bad", "error")).isEqualTo(1);
        assertThat(TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("SH09/1"))).isEmpty();
    }

    @Test
    void a_file_still_uploading_under_a_temporary_name_is_left_alone_until_it_is_renamed() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("receipts.good.csv"));
        Path part = westDrop.resolve("late.csv.part");
        Files.write(part, csv);
        byte[] other = Files.readAllBytes(SAMPLES.resolve("receipts.with-errors.csv"));

        drop(westDrop, "early.csv", other);

        assertThat(DirectoryWatch.awaitFile(westDrop.resolve("done/early.csv"), WAIT)).isTrue();
        assertThat(part).exists();
        assertThat(westDrop.resolve("done/late.csv.part")).doesNotExist();
        List<String> late = eventIdsOf("franchise-west", csv);
        assertThat(late).allSatisfy(id -> assertThat(inbound(id)).isEmpty());

        Files.move(part, westDrop.resolve("late.csv"));

        assertThat(DirectoryWatch.awaitFile(westDrop.resolve("done/late.csv.report.json"), WAIT)).isTrue();
        assertThat(ofbiz.awaitProcessed(late, WAIT)).isTrue();
    }

    @Test
    void a_file_published_again_after_a_failure_before_its_move_is_processed_by_ofbiz_once() throws Exception {
        Path drop = dropDir("franchise-crash");
        // done/ is a plain file: the report cannot be written, so every attempt fails after the events were
        // published and before the move, as a hub that crashed at that moment would.
        Files.createDirectories(drop);
        Files.writeString(drop.resolve("done"), "in the way");
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("receipts.good.csv"));
        List<String> expected = eventIdsOf("franchise-crash", csv);

        drop(drop, "receipts.csv", csv);

        assertThat(ofbiz.awaitProcessed(expected, WAIT)).isTrue();
        assertThat(awaitPublishedTwice(expected.get(0))).as("the file was read and published again").isTrue();
        assertThat(drop.resolve("receipts.csv")).exists();
        Files.delete(drop.resolve("done"));

        assertThat(DirectoryWatch.awaitFile(drop.resolve("done/receipts.csv"), WAIT)).isTrue();
        // Every attempt published the same eventIds; OFBiz processed each once and answered DUPLICATE after.
        for (String id : expected) {
            List<ConsumerRecord<String, byte[]>> copies = inbound(id);
            assertThat(copies.size()).isGreaterThanOrEqualTo(2);
            assertThat(copies).allSatisfy(r -> assertThat(ChannelEventJson.read(r.value()).eventId()).isEqualTo(id));
            assertThat(copies.stream().map(ConsumerRecord::key).distinct()).hasSize(1);
        }
        awaitDuplicates("franchise-crash");
        assertThat(expected).allSatisfy(id -> assertThat(ofbiz.timesProcessed(id)).isEqualTo(1));
    }

    @Test
    void counts_files_and_rows_per_channel_in_prometheus() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("receipts.good.csv"));
        drop(westDrop, "metrics.csv", csv);
        assertThat(DirectoryWatch.awaitFile(westDrop.resolve("done/metrics.csv"), WAIT)).isTrue();

        var metrics = GenericWebhooks.send(HttpRequest.newBuilder(URI.create(hub.managementUrl() + "/observe/metrics")).build());

        assertThat(metrics.body())
                .containsPattern("omni_files_processed_total\\{channel=\"franchise-west\",outcome=\"done\"} [1-9]")
                .containsPattern("omni_files_rows_total\\{channel=\"franchise-west\",outcome=\"read\"} [1-9]");
    }

    private static Path dropDir(String channelId) {
        return dir.resolve("data/drop").resolve(channelId);
    }

    /** Drops a file as a careful client does: written under another name, then renamed. */
    private static void drop(Path dropDir, String name, byte[] content) throws Exception {
        Files.createDirectories(dropDir);
        Path temporary = dropDir.resolve(name + ".uploading");
        Files.write(temporary, content);
        Files.move(temporary, dropDir.resolve(name));
    }

    /** What the connector maps the file to, asked directly, with the channel as the hub configured it. */
    private static List<String> eventIdsOf(String channelId, byte[] csv) {
        ChannelRegistry.Channel channel = ChannelRegistry.create("test", ChannelsFile.read(dir.resolve("channels.yaml"),
                Set.copyOf(Connectors.load().systems())), Connectors.load(), name -> null).require(channelId);
        return channel.connector().map(new InboundRequest("FILE", "x.csv", Map.of(), Map.of(), csv, null), channel.context())
                .events().stream().map(ChannelEvent::eventId).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> inbound(String eventId) {
        return TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND,
                r -> eventId.equals(KafkaHeaders.text(r.headers(), KafkaHeaders.EVENT_ID)));
    }

    private static boolean awaitPublishedTwice(String eventId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (inbound(eventId).size() >= 2) { // each read of the topic is real I/O: no busy spin
                return true;
            }
        }
        return false;
    }

    private static void awaitDuplicates(String channelId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.hub().metrics().count("omni.events.delivered", channelId, "DUPLICATE") < 1) {
            assertThat(System.nanoTime()).as("waiting for OFBiz to answer DUPLICATE").isLessThan(deadline);
            TopicReader.readAll(hub.bootstrapServers(), HubTopics.INBOUND_DLQ); // paces the loop on real I/O
        }
    }

    private static JsonNode report(Path file) throws Exception {
        return ChannelEventJson.mapper().readTree(Files.readAllBytes(file));
    }
}
