package org.omnichannel.connector.pos;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.BadPayloadException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    @Test
    void reads_quoted_commas_doubled_quotes_and_line_breaks_inside_quotes_keeping_start_lines() {
        String text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,\"\"";

        assertThat(CsvRecords.parse(text)).containsExactly(
                new CsvRecords.CsvRecord(1, List.of("a", "b")),
                new CsvRecords.CsvRecord(2, List.of("x, y", "say \"hi\"")),
                new CsvRecords.CsvRecord(4, List.of("two\nlines", "z")),
                new CsvRecords.CsvRecord(6, List.of("last", "")));
    }

    @Test
    void keeps_empty_fields_at_the_end_of_a_record() {
        assertThat(CsvRecords.parse("a,,\n")).containsExactly(new CsvRecords.CsvRecord(1, List.of("a", "", "")));
    }

    @Test
    void names_the_line_of_a_stray_quote() {
        assertThatThrownBy(() -> CsvRecords.parse("a,b\nab\"c,d\n"))
                .isInstanceOf(BadPayloadException.class).hasMessageStartingWith("line 2: a quote inside an unquoted field");
        assertThatThrownBy(() -> CsvRecords.parse("a,b\n\"ab\"c,d\n"))
                .isInstanceOf(BadPayloadException.class).hasMessage("line 2: text after the closing quote of a field");
    }
}
