package org.omnichannel.hub.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * What became of one dropped file, written as {@code <file>.report.json} beside it in done/ or
 * error/ for the franchisee and the operator:
 * <pre>
 * {"file": "receipts.csv", "channel": "franchise-east", "status": "done", "sha256": "...",
 *  "processedAt": "...", "rows": 10, "events": 1, "eventIds": ["..."],
 *  "skipped": [{"reason": "INVALID_PART", "detail": "line 5: quantity must be greater than 0, was 0"}],
 *  "connectorReport": {...}}
 * {"file": "x.csv", "channel": "franchise-east", "status": "error", "sha256": "...", "processedAt": "...",
 *  "error": "line 1: the header has columns missing clerk_id ..."}
 * </pre>
 *
 * @param rows   the data rows the connector read, or -1 when it did not say
 * @param skipped what produced no event and why (for a POS file: the invalid rows and receipts, each
 *               detail starting with its line or receipt)
 * @param error  why the whole file was refused, or null when it was processed
 */
public record FileReport(String file, String channelId, String sha256, Instant processedAt, int rows,
                         List<String> eventIds, List<MappingResult.Skipped> skipped, JsonNode connectorReport,
                         String error) {

    public FileReport {
        eventIds = List.copyOf(eventIds);
        skipped = List.copyOf(skipped);
    }

    static FileReport done(String file, String channelId, String sha256, Instant at, MappingResult mapped) {
        JsonNode connectorReport = connectorReport(mapped);
        int rows = connectorReport != null && connectorReport.path("rows").isInt() ? connectorReport.get("rows").asInt() : -1;
        return new FileReport(file, channelId, sha256, at, rows, mapped.events().stream().map(ChannelEvent::eventId).toList(),
                mapped.skipped(), connectorReport, null);
    }

    static FileReport refused(String file, String channelId, String sha256, Instant at, String error) {
        return new FileReport(file, channelId, sha256, at, -1, List.of(), List.of(), null, error);
    }

    public boolean isDone() {
        return error == null;
    }

    /** The connector's acknowledgement when it is JSON (the POS connector's report of the file), else null. */
    private static JsonNode connectorReport(MappingResult mapped) {
        var ack = mapped.acknowledgement();
        if (ack.contentType() == null || !ack.contentType().startsWith("application/json") || ack.body().length == 0) {
            return null;
        }
        try {
            return ChannelEventJson.mapper().readTree(ack.body());
        } catch (IOException e) {
            return null;
        }
    }

    String toJson() {
        ObjectNode root = ChannelEventJson.mapper().createObjectNode();
        root.put("file", file).put("channel", channelId).put("status", isDone() ? "done" : "error").put("sha256", sha256)
                .put("processedAt", processedAt.toString());
        if (isDone()) {
            if (rows >= 0) {
                root.put("rows", rows);
            }
            root.put("events", eventIds.size());
            ArrayNode ids = root.putArray("eventIds");
            eventIds.forEach(ids::add);
            ArrayNode list = root.putArray("skipped");
            skipped.forEach(s -> list.addObject().put("reason", s.reason().name()).put("detail", s.detail()));
            if (connectorReport != null) {
                root.set("connectorReport", connectorReport);
            }
        } else {
            root.put("error", error);
        }
        try {
            return ChannelEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report to {@code target} (replacing an older one, e.g. of a run that crashed before the move). */
    void writeTo(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
