package org.omnichannel.connector.pos;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.RawReference;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a whole POS CSV file. File-level faults (not UTF-8, no or a wrong header, a quote never closed)
 * refuse the file with a {@link BadPayloadException}. Otherwise each row is checked alone and each
 * receipt as a whole; a receipt with any bad row is not imported (half a receipt would be wrong data),
 * every other receipt is. Every problem is reported with its line number, both as INVALID_PART skips
 * of the mapping result and in the JSON report that is the acknowledgement ({@link PosReport}).
 */
final class PosFileMapper {

    /** Files larger than this are refused: split them per day or per store. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private PosFileMapper() {
    }

    static MappingResult map(InboundRequest request, ChannelContext channel) {
        byte[] bytes = request.body();
        if (bytes.length > MAX_BYTES) {
            throw new BadPayloadException("file has " + bytes.length + " bytes; the limit is " + MAX_BYTES
                    + ": split it per day or per store");
        }
        String text = utf8(bytes);
        List<CsvRecords.CsvRecord> records = CsvRecords.parse(text);
        if (records.isEmpty()) {
            throw new BadPayloadException("file is empty: the first line must be the header " + PosColumn.canonicalHeader());
        }
        Map<PosColumn, Integer> index = header(records.get(0));
        PosRowParser parser = new PosRowParser(index, zone(channel));
        RawReference raw = new RawReference(request.uri().isBlank() ? "file" : request.uri(),
                Signatures.sha256Hex(bytes), "text/csv");

        Map<String, List<PosRow>> receipts = new LinkedHashMap<>();
        Map<String, List<Integer>> badLines = new LinkedHashMap<>();
        List<PosProblem> problems = new ArrayList<>();
        for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
            try {
                PosRow row = parser.parse(record);
                receipts.computeIfAbsent(key(row.storeId(), row.orderId()), k -> new ArrayList<>()).add(row);
            } catch (PosRowParser.RowException e) {
                problems.add(new PosProblem("line " + record.line(), e.getMessage()));
                String key = rawKey(record, index);
                if (key != null) {
                    receipts.computeIfAbsent(key, k -> new ArrayList<>());
                    badLines.computeIfAbsent(key, k -> new ArrayList<>()).add(record.line());
                }
            }
        }
        List<ChannelEvent> events = new ArrayList<>();
        int imported = 0;
        for (Map.Entry<String, List<PosRow>> receipt : receipts.entrySet()) {
            String where = "order " + receipt.getKey();
            List<Integer> bad = badLines.get(receipt.getKey());
            if (bad != null) {
                problems.add(new PosProblem(where, "not imported: line" + (bad.size() > 1 ? "s " : " ")
                        + String.join(", ", bad.stream().map(String::valueOf).toList()) + " of it "
                        + (bad.size() > 1 ? "are" : "is") + " invalid"));
                continue;
            }
            try {
                events.addAll(PosOrderAssembler.assemble(receipt.getValue(), channel, request.receivedAt(), raw));
                imported++;
            } catch (PosOrderAssembler.OrderException e) {
                problems.add(new PosProblem(where, "not imported: " + e.getMessage()));
            }
        }
        PosReport report = new PosReport(raw.location(), raw.sha256(), records.size() - 1, imported,
                receipts.size() - imported, events.size(), problems);
        return new MappingResult(events, report.toResponse(), problems.stream().map(PosProblem::toSkipped).toList());
    }

    private static Map<PosColumn, Integer> header(CsvRecords.CsvRecord header) {
        Map<PosColumn, Integer> index = new EnumMap<>(PosColumn.class);
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            PosColumn column = null;
            for (PosColumn c : PosColumn.values()) {
                if (c.header().equals(name)) {
                    column = c;
                }
            }
            if (column == null) {
                unknown.add("'" + header.fields().get(i) + "'");
            } else if (index.put(column, i) != null) {
                twice.add(name);
            }
        }
        Set<PosColumn> missing = PosColumn.all();
        missing.removeAll(index.keySet());
        if (!unknown.isEmpty() || !twice.isEmpty() || !missing.isEmpty()) {
            List<String> faults = new ArrayList<>();
            if (!missing.isEmpty()) {
                faults.add("missing " + String.join(", ", missing.stream().map(PosColumn::header).toList()));
            }
            if (!unknown.isEmpty()) {
                faults.add("unknown " + String.join(", ", unknown));
            }
            if (!twice.isEmpty()) {
                faults.add("twice " + String.join(", ", twice));
            }
            throw new BadPayloadException("line " + header.line() + ": the header has columns " + String.join("; ", faults)
                    + "; expected the header " + PosColumn.canonicalHeader() + " (any order)");
        }
        return index;
    }

    private static String rawKey(CsvRecords.CsvRecord record, Map<PosColumn, Integer> index) {
        if (record.fields().size() != index.size()) {
            return null;
        }
        String store = record.fields().get(index.get(PosColumn.STORE_ID)).strip();
        String order = record.fields().get(index.get(PosColumn.ORDER_ID)).strip();
        return store.isEmpty() || order.isEmpty() ? null : key(store, order);
    }

    private static String key(String store, String order) {
        return store + "/" + order;
    }

    private static ZoneId zone(ChannelContext channel) {
        return channel.setting("timeZone").map(z -> {
            try {
                return ZoneId.of(z.trim());
            } catch (DateTimeException e) {
                throw new IllegalStateException("channel '" + channel.channelId() + "' has timeZone '" + z
                        + "', which is not an IANA zone such as Asia/Shanghai");
            }
        }).orElse(null);
    }

    private static String utf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new BadPayloadException("file is not UTF-8: save it as UTF-8 (GBK exports must be converted)");
        }
    }
}
