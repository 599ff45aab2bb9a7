package org.omnichannel.connector.pos;

import org.omnichannel.connector.spi.BadPayloadException;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, optionally in double quotes (a quote inside is
 * doubled), records ended by CRLF or LF, quoted fields may span lines. Each record keeps the line
 * number it starts on, so errors point at the line a person sees in an editor. Blank lines are skipped.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record CsvRecord(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    static List<CsvRecord> parse(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new BadPayloadException("line " + line + ": a quote inside an unquoted field;"
                                + " quote the whole field and double the quote (\"\")");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r' -> {
                    // ignored: CRLF ends a record at the LF
                }
                case '\n' -> {
                    fields.add(field.toString());
                    addUnlessBlank(records, recordLine, fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new BadPayloadException("line " + line + ": text after the closing quote of a field");
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new BadPayloadException("line " + recordLine + ": a quoted field is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return;
        }
        records.add(new CsvRecord(line, List.copyOf(fields)));
    }
}
