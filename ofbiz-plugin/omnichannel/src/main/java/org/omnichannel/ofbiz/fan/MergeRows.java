package org.omnichannel.ofbiz.fan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.FanResolver;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;

/**
 * Core's merge audit ({@link MergeRecord}, {@link UnmergeRecord}) to the fields of an OmniFanMerge
 * row and back. The records that moved, the whole evidence and the records moved back live in
 * movedJson; mergeReason holds the evidence cut to its column for the screens. A merge the engine
 * made has no mergedByUserLogin. Pure: no OFBiz class.
 */
public final class MergeRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int REASON = 255;

    private MergeRows() {
    }

    /** The fields of the row of a new merge. */
    public static Map<String, Object> fields(MergeRecord m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mergeId", m.mergeId());
        row.put("survivorPartyId", m.survivor().value());
        row.put("mergedPartyId", m.absorbed().value());
        row.put("mergeReason", cut(m.evidence()));
        row.put("mergedDate", Timestamp.from(m.at()));
        row.put("mergedByUserLogin", FanResolver.ENGINE.equals(m.actor()) ? null : m.actor());
        row.put("triggerEventId", m.triggerRecordId());
        ObjectNode json = MAPPER.createObjectNode();
        m.movedRecordIds().forEach(json.putArray("recordIds")::add);
        json.put("evidence", m.evidence());
        row.put("movedJson", json.toString());
        return row;
    }

    /** The fields that an unmerge sets on the row of its merge (movedJson gains the records moved back). */
    public static Map<String, Object> unmergeFields(UnmergeRecord u, String movedJson) {
        ObjectNode json = object(movedJson);
        u.movedRecordIds().forEach(json.putArray("unmergedRecordIds")::add);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("unmergeId", u.unmergeId());
        row.put("unmergedDate", Timestamp.from(u.at()));
        row.put("unmergedByUserLogin", FanResolver.ENGINE.equals(u.actor()) ? null : u.actor());
        row.put("unmergeReason", cut(u.reason()));
        row.put("unmergedFromPartyId", u.from().value());
        row.put("movedJson", json.toString());
        return row;
    }

    /** The merge of a row, read through {@code field} (a GenericValue's get). */
    public static MergeRecord merge(Function<String, Object> field) {
        JsonNode json = object((String) field.apply("movedJson"));
        String by = (String) field.apply("mergedByUserLogin");
        String evidence = json.hasNonNull("evidence") ? json.get("evidence").asText() : (String) field.apply("mergeReason");
        return new MergeRecord((String) field.apply("mergeId"), FanId.of((String) field.apply("survivorPartyId")),
                FanId.of((String) field.apply("mergedPartyId")), ids(json.path("recordIds")),
                (String) field.apply("triggerEventId"), evidence, by == null ? FanResolver.ENGINE : by,
                ((Timestamp) field.apply("mergedDate")).toInstant());
    }

    /** The unmerge recorded on a merge's row, or null while the merge stands. */
    public static UnmergeRecord unmerge(Function<String, Object> field) {
        Timestamp at = (Timestamp) field.apply("unmergedDate");
        if (at == null) {
            return null;
        }
        JsonNode json = object((String) field.apply("movedJson"));
        String by = (String) field.apply("unmergedByUserLogin");
        String from = (String) field.apply("unmergedFromPartyId");
        String unmergeId = (String) field.apply("unmergeId");
        String mergeId = (String) field.apply("mergeId");
        return new UnmergeRecord(unmergeId == null ? mergeId + "/unmerge" : unmergeId, mergeId,
                FanId.of((String) field.apply("mergedPartyId")),
                FanId.of(from == null ? (String) field.apply("survivorPartyId") : from), ids(json.path("unmergedRecordIds")),
                by == null ? FanResolver.ENGINE : by, (String) field.apply("unmergeReason"), at.toInstant());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asText()));
        return ids;
    }

    private static ObjectNode object(String json) {
        if (json == null || json.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("OmniFanMerge.movedJson is not a merge record: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("OmniFanMerge.movedJson is not a JSON object");
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON ? text : text.substring(0, REASON - 1) + "\u2026";
    }
}
