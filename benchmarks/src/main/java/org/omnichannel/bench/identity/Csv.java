package org.omnichannel.bench.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: a header row, commas, double quotes with "" for a quote inside. Spaces
 * around unquoted values are dropped (the Febrl files put one after every comma).
 */
public final class Csv {

    private final List<String> header;
    private final List<List<String>> rows;

    private Csv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static Csv read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file " + file + " does not exist or is not a file");
        }
        List<List<String>> all = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("input file " + file + " is empty: a header row is needed");
        }
        List<String> header = all.get(0);
        List<List<String>> rows = new ArrayList<>(all.size() - 1);
        for (int i = 1; i < all.size(); i++) {
            List<String> row = all.get(i);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + row.size()
                        + " values but the header has " + header.size());
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** The index of a column, or an error naming the columns there are. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + header);
        }
        return i;
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                value.setLength(0);
            } else if (c == ',') {
                row.add(finish(value, wasQuoted));
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(finish(value, wasQuoted));
                wasQuoted = false;
                rows.add(row);
                row = new ArrayList<>();
            } else {
                value.append(c);
            }
        }
        if (value.length() > 0 || !row.isEmpty()) {
            row.add(finish(value, wasQuoted));
            rows.add(row);
        }
        return rows;
    }

    private static String finish(StringBuilder value, boolean wasQuoted) {
        String s = wasQuoted ? value.toString() : value.toString().strip();
        value.setLength(0);
        return s;
    }
}
