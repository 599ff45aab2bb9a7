package org.omnichannel.bench.identity;

import org.omnichannel.core.fan.FanRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one or two files, as {@link FanRecord}s, with each record's true entity kept
 * aside for scoring only (the engine never sees it).
 */
public record Dataset(List<FanRecord> records, Map<String, String> entityOf, Map<String, Integer> fileOf) {

    public static Dataset load(BenchOptions options) throws IOException {
        List<FanRecord> records = new ArrayList<>();
        Map<String, String> entity = new HashMap<>();
        Map<String, Integer> file = new HashMap<>();
        read(options.input(), options.inputB() == null ? "" : "a:", 0, options, records, entity, file);
        if (options.inputB() != null) {
            read(options.inputB(), "b:", 1, options, records, entity, file);
        }
        return new Dataset(records, entity, file);
    }

    private static void read(Path path, String prefix, int fileIndex, BenchOptions options, List<FanRecord> records,
                             Map<String, String> entity, Map<String, Integer> file) throws IOException {
        Csv csv = Csv.read(path);
        int id = csv.column(options.idColumn());
        int truth = options.truthColumn() == null ? -1 : csv.column(options.truthColumn());
        Map<Integer, Target> columns = new HashMap<>();
        options.mapping().forEach((column, target) -> {
            int index = csv.header().indexOf(column);
            if (index >= 0) {
                columns.put(index, target);
            }
        });
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(path + " has none of the mapped columns " + options.mapping().keySet()
                    + "; its columns are " + csv.header());
        }
        for (List<String> row : csv.rows()) {
            String recordId = prefix + row.get(id);
            if (file.putIfAbsent(recordId, fileIndex) != null) {
                throw new IllegalArgumentException(path + ": record id '" + row.get(id) + "' appears twice");
            }
            entity.put(recordId, truth >= 0 ? row.get(truth) : Presets.febrlEntity(row.get(id)));
            FanRecord.Builder b = FanRecord.builder(recordId).source(path.getFileName().toString())
                    .defaultRegion(options.region());
            columns.forEach((index, target) -> {
                String value = row.get(index);
                if (target.field() != null) {
                    b.attribute(target.field(), value);
                } else {
                    b.identity(target.key(), value);
                }
            });
            records.add(b.build());
        }
    }
}
