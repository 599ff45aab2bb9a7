package org.omnichannel.connector.pos;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.connector.spi.Verification;
import org.omnichannel.connector.testing.CnGolden;
import org.omnichannel.core.event.ChannelKind;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosCsvConnectorTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T16:00:00Z");
    private static final String HEADER = PosColumn.canonicalHeader();
    private final PosCsvConnector connector = new PosCsvConnector();
    private final ChannelContext channel = new ChannelContext("franchise-east", ChannelKind.OFFLINE_FRANCHISE, "pos-csv",
            Map.of("timeZone", "Asia/Shanghai"), Secrets.none());

    @Test
    void is_found_by_the_service_loader_under_its_system_id() {
        assertThat(Connectors.load().require("pos-csv")).isInstanceOf(PosCsvConnector.class);
    }

    @Test
    void accepts_dropped_files_and_refuses_http_requests() {
        assertThat(connector.verify(file("a.csv", new byte[0]), channel)).isEqualTo(Verification.ok());
        assertThat(connector.verify(InboundRequest.post("/webhooks/franchise-east", Map.of(), new byte[0]), channel))
                .isEqualTo(Verification.rejected("pos-csv takes files from the drop directory only, not POST requests"));
    }

    @Test
    void maps_a_good_file_to_in_store_orders_and_payments_that_name_the_store_the_clerk_and_the_payers() {
        MappingResult result = connector.map(file("drop/franchise-east/receipts.good.csv",
                CnGolden.resource("pos/receipts.good.csv")), channel);

        assertThat(result.skipped()).isEmpty();
        CnGolden.assertMatches(result, "pos/receipts.good.expected.json");
    }

    @Test
    void keeps_the_good_receipts_of_a_file_and_reports_every_bad_row_with_its_line_number() {
        MappingResult result = connector.map(file("drop/franchise-east/receipts.with-errors.csv",
                CnGolden.resource("pos/receipts.with-errors.csv")), channel);

        assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.payload().toString()).contains("SH01/1001"));
        assertThat(result.skipped()).extracting(s -> s.detail().substring(0, s.detail().indexOf(':'))).containsExactly(
                "line 5", "line 6", "line 9", "line 10", "order SH01/1002", "order SH01/1003", "order SH01/1004",
                "order SH01/1006");
        assertThat(result.skipped()).extracting(MappingResult.Skipped::reason).containsOnly(MappingResult.SkipReason.INVALID_PART);
        CnGolden.assertMatches(result, "pos/receipts.with-errors.expected.json");
    }

    @Test
    void refuses_a_file_whose_header_lacks_misspells_or_repeats_columns() {
        String header = HEADER.replace("payer_app_id", "payer_appid").replace("clerk_id", "store_id");

        assertThatThrownBy(() -> connector.map(file("x.csv", (header + "\n").getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageStartingWith("line 1: the header has columns missing clerk_id, payer_app_id; unknown 'payer_appid';"
                        + " twice store_id; expected the header record_type,store_id,");
    }

    @Test
    void refuses_an_empty_file_a_file_that_is_not_utf8_and_an_unclosed_quote() {
        String oneOrder = HEADER + "\nORDER,SH02,0007,2026-11-20 18:40:05,,CNY,89.90,,,,,,\"眼镜,,,,,,,,,,,\n";

        assertThatThrownBy(() -> connector.map(file("x.csv", new byte[0]), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("file is empty");
        assertThatThrownBy(() -> connector.map(file("x.csv", oneOrder.getBytes(Charset.forName("GBK"))), channel))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("file is not UTF-8");
        assertThatThrownBy(() -> connector.map(file("x.csv", oneOrder.getBytes(StandardCharsets.UTF_8)), channel))
                .isInstanceOf(BadPayloadException.class).hasMessage("line 2: a quoted field is never closed");
    }

    @Test
    void reads_a_file_with_a_byte_order_mark_and_crlf_line_ends_like_a_spreadsheet_writes_it() {
        byte[] good = CnGolden.resource("pos/receipts.good.csv");
        String crlf = new String(good, StandardCharsets.UTF_8).replace("\n", "\r\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] excel = new byte[bom.length + crlf.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, excel, 0, 3);
        System.arraycopy(crlf.getBytes(StandardCharsets.UTF_8), 0, excel, 3, excel.length - 3);

        MappingResult fromExcel = connector.map(file("drop/franchise-east/receipts.good.csv", excel), channel);
        MappingResult plain = connector.map(file("drop/franchise-east/receipts.good.csv", good), channel);

        assertThat(fromExcel.skipped()).isEmpty();
        assertThat(fromExcel.events()).extracting(e -> e.eventId() + e.payload())
                .containsExactlyElementsOf(plain.events().stream().map(e -> e.eventId() + e.payload()).toList());
    }

    @Test
    void asks_for_a_time_zone_when_the_till_writes_local_times_and_the_channel_names_none() {
        ChannelContext noZone = new ChannelContext("franchise-east", ChannelKind.OFFLINE_FRANCHISE, "pos-csv", Map.of(),
                Secrets.none());

        MappingResult result = connector.map(file("x.csv", CnGolden.resource("pos/receipts.good.csv")), noZone);

        assertThat(result.skipped()).extracting(MappingResult.Skipped::detail).contains(
                "line 7: occurred_at '2026-11-20 18:40:05' has no offset and the channel has no timeZone"
                        + " setting (e.g. timeZone: Asia/Shanghai)");
        assertThat(result.events()).hasSize(3);
    }

    @Test
    void refuses_amounts_with_more_decimals_than_the_currency_has() {
        String csv = HEADER + "\n"
                + "ORDER,SH01,9,2026-11-20T10:15:00+08:00,,JPY,500.5,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,9,,,,,,,,1,X,,1,500.5,,500.5,,,,,\n";

        MappingResult result = connector.map(file("x.csv", csv.getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).singleElement().extracting(MappingResult.Skipped::detail)
                .isEqualTo("order SH01/9: not imported: line 3: unit_price 500.5 has more decimals than JPY allows");
    }

    @Test
    void refuses_receipts_with_two_order_rows_a_repeated_line_id_payments_that_miss_the_total_or_a_wrong_line_total() {
        String csv = HEADER + "\n"
                + "ORDER,SH01,1,2026-11-20T10:15:00+08:00,,CNY,10.00,,,,,,,,,,,,,,,\n"
                + "ORDER,SH01,1,2026-11-20T10:16:00+08:00,,CNY,10.00,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,1,,,,,,,,1,X,,1,10.00,,10.00,,,,,\n"
                + "ORDER,SH01,2,2026-11-20T10:15:00+08:00,,CNY,20.00,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,2,,,,,,,,1,X,,1,10.00,,10.00,,,,,\n"
                + "LINE,SH01,2,,,,,,,,1,Y,,1,10.00,,10.00,,,,,\n"
                + "ORDER,SH01,3,2026-11-20T10:15:00+08:00,,CNY,10.00,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,3,,,,,,,,1,X,,1,10.00,,10.00,,,,,\n"
                + "PAYMENT,SH01,3,,,,,,,,,,,,,,,P1,CASH,9.00,,\n"
                + "ORDER,SH01,4,2026-11-20T10:15:00+08:00,,CNY,25.00,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,4,,,,,,,,1,X,,3,10.00,5.00,25.00,,,,,\n"
                + "PAYMENT,SH01,4,,,,,,,,,,,,,,,P1,CARD,25.00,2088102534368455,\n"
                + "ORDER,SH01,5,2026-11-20T10:15:00+08:00,,CNY,24.00,,,,,,,,,,,,,,,\n"
                + "LINE,SH01,5,,,,,,,,1,X,,3,10.00,5.00,24.00,,,,,\n";

        MappingResult result = connector.map(file("x.csv", csv.getBytes(StandardCharsets.UTF_8)), channel);

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).extracting(MappingResult.Skipped::detail).containsExactly(
                "line 13: payer_id is read only for ALIPAY and WECHAT_PAY payments, not CARD",
                "order SH01/1: not imported: has 2 ORDER rows (lines 2, 3)",
                "order SH01/2: not imported: line_id '1' appears twice",
                "order SH01/3: not imported: payments add up to 9.00 CNY but order_total is 10.00 CNY",
                "order SH01/4: not imported: line 13 of it is invalid",
                "order SH01/5: not imported: line 15: line_total 24.00 is not quantity × unit_price − line_discount = 25.00");
    }

    private static InboundRequest file(String path, byte[] body) {
        return new InboundRequest("FILE", path, Map.of(), Map.of(), body, RECEIVED);
    }
}
