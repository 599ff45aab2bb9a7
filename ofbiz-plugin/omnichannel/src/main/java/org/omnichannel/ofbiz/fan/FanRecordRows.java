package org.omnichannel.ofbiz.fan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.MatchRecord;

/**
 * Core's {@link MatchRecord} to the fields of an OmniFanRecord row and back, and the form in which
 * identity and blocking keys are indexed in OmniFanRecordKey. Pure: no OFBiz class, tested on its own.
 */
public final class FanRecordRows {

    /** OmniFanRecordKey.keyKind of an identity key (deterministic links). */
    public static final String IDENTITY = "IDENTITY";
    /** OmniFanRecordKey.keyKind of a blocking key (candidates for probabilistic matching). */
    public static final String BLOCK = "BLOCK";

    /** Column size of OmniFanRecordKey.keyValue (id-vlong). */
    static final int MAX_KEY = 255;
    /** Column size of the long-varchar attribute columns; short-varchar ones hold 60. */
    static final int LONG = 255;
    static final int SHORT = 60;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Attribute columns and their sizes, in MatchRecord order. */
    private static final Map<String, Integer> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("givenName", LONG);
        COLUMNS.put("surname", LONG);
        COLUMNS.put("birthDate", SHORT);
        COLUMNS.put("gender", 1);
        COLUMNS.put("email", LONG);
        COLUMNS.put("phone", SHORT);
        COLUMNS.put("nationalId", SHORT);
        COLUMNS.put("streetNumber", SHORT);
        COLUMNS.put("street", LONG);
        COLUMNS.put("locality", LONG);
        COLUMNS.put("city", LONG);
        COLUMNS.put("postalCode", SHORT);
        COLUMNS.put("stateCode", SHORT);
        COLUMNS.put("countryCode", SHORT);
    }

    private FanRecordRows() {
    }

    /**
     * The fields of the OmniFanRecord row of a record (besides partyId, recordSeq and createdDate).
     * An attribute longer than its column is cut: it is a matching hint, and a cut one still compares.
     */
    public static Map<String, Object> fields(MatchRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("recordId", r.recordId());
        row.put("sourceChannelId", r.source());
        row.put("keysJson", keysJson(r.keys()));
        List<String> values = attributes(r);
        int i = 0;
        for (Map.Entry<String, Integer> column : COLUMNS.entrySet()) {
            row.put(column.getKey(), cut(values.get(i++), column.getValue()));
        }
        return row;
    }

    /** The record of a row, read field by field through {@code field} (a GenericValue's getString). */
    public static MatchRecord record(Function<String, String> field) {
        List<String> v = new ArrayList<>();
        for (String column : COLUMNS.keySet()) {
            v.add(field.apply(column));
        }
        return new MatchRecord(field.apply("recordId"), field.apply("sourceChannelId"), keys(field.apply("keysJson")),
                v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9),
                v.get(10), v.get(11), v.get(12), v.get(13));
    }

    /**
     * The indexed form of a key: the key itself, or {@code sha256:} and its digest when it is longer
     * than the column. Equal keys always give equal forms.
     */
    public static String indexKey(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String keysJson(List<IdentityKey> keys) {
        ArrayNode array = MAPPER.createArrayNode();
        for (IdentityKey key : keys) {
            ObjectNode node = array.addObject();
            node.put("type", key.type().name());
            if (key.namespace() != null) {
                node.put("namespace", key.namespace());
            }
            node.put("value", key.value());
            node.put("verified", key.verified());
        }
        return array.toString();
    }

    static List<IdentityKey> keys(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<IdentityKey> keys = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                keys.add(new IdentityKey(KeyType.valueOf(node.path("type").asText()),
                        node.hasNonNull("namespace") ? node.get("namespace").asText() : null, node.path("value").asText(),
                        node.path("verified").asBoolean(false)));
            }
            return keys;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("OmniFanRecord.keysJson is not a list of identity keys: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> attributes(MatchRecord r) {
        List<String> v = new ArrayList<>();
        v.add(r.givenName());
        v.add(r.surname());
        v.add(r.birthDate());
        v.add(r.gender());
        v.add(r.email());
        v.add(r.phone());
        v.add(r.nationalId());
        v.add(r.streetNumber());
        v.add(r.street());
        v.add(r.locality());
        v.add(r.city());
        v.add(r.postcode());
        v.add(r.state());
        v.add(r.country());
        return v;
    }

    private static String cut(String value, int size) {
        return value == null || value.length() <= size ? value : value.substring(0, size);
    }
}
