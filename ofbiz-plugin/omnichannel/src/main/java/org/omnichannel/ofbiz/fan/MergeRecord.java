package org.omnichannel.ofbiz.fan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a merge moved from one fan to the other, kept as JSON in OmniFanMerge.movedJson so that
 * the merge can be undone exactly: the keys of the identities and the ids of the interactions.
 */
public record MergeRecord(List<IdentityKey> identities, List<String> interactionIds) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public MergeRecord {
        identities = List.copyOf(identities);
        interactionIds = List.copyOf(interactionIds);
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ids = root.putArray("identities");
        for (IdentityKey key : identities) {
            ObjectNode node = ids.addObject();
            node.put("identityTypeEnumId", key.identityTypeEnumId());
            node.put("idNamespace", key.namespace());
            node.put("normalizedValue", key.normalizedValue());
        }
        ArrayNode interactions = root.putArray("interactionIds");
        interactionIds.forEach(interactions::add);
        return root.toString();
    }

    public static MergeRecord fromJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<IdentityKey> keys = new ArrayList<>();
            for (JsonNode node : root.path("identities")) {
                keys.add(new IdentityKey(node.path("identityTypeEnumId").asText(), node.path("idNamespace").asText(),
                        node.path("normalizedValue").asText()));
            }
            List<String> interactions = new ArrayList<>();
            root.path("interactionIds").forEach(node -> interactions.add(node.asText()));
            return new MergeRecord(keys, interactions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("OmniFanMerge.movedJson is not a merge record: " + e.getOriginalMessage(), e);
        }
    }
}
