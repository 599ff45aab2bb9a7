package org.omnichannel.ofbiz.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.incentive.Amount;
import org.omnichannel.core.incentive.CreditKind;
import org.omnichannel.core.incentive.LedgerEntry;
import org.omnichannel.core.incentive.OrderCreditState;

/**
 * Core's {@link OrderCreditState} (what an order earned and how much stands reversed) as the JSON
 * of OmniIncentiveOrder.stateJson, field by field so that a change in core's records fails here,
 * in a test, rather than in a stored row. Pure: no OFBiz class.
 */
public final class OrderStates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderStates() {
    }

    public static String toJson(OrderCreditState state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("orderRef", state.orderRef());
        root.put("currency", state.currency());
        root.put("grandTotalMinor", state.grandTotalMinor());
        root.put("refundedMinor", state.refundedMinor());
        ArrayNode lines = root.putArray("lines");
        for (OrderCreditState.CreditLine line : state.lines()) {
            ObjectNode node = lines.addObject();
            node.set("credit", entry(line.credit()));
            node.put("reversed", line.reversed());
        }
        return root.toString();
    }

    public static OrderCreditState fromJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<OrderCreditState.CreditLine> lines = new ArrayList<>();
            for (JsonNode line : root.path("lines")) {
                lines.add(new OrderCreditState.CreditLine(entry(line.path("credit")), line.path("reversed").asLong()));
            }
            return new OrderCreditState(root.path("orderRef").asText(), root.path("currency").asText(),
                    root.path("grandTotalMinor").asLong(), root.path("refundedMinor").asLong(), lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("OmniIncentiveOrder.stateJson is not an order credit state: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode entry(LedgerEntry e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("entryId", e.entryId());
        node.put("periodId", e.periodId());
        node.put("employeeId", e.employeeId());
        node.put("departmentId", e.departmentId());
        node.put("franchiseeId", e.franchiseeId());
        node.put("channelId", e.channelId());
        node.put("channelKind", e.channelKind().name());
        node.put("facilityId", e.facilityId());
        node.put("kind", e.kind().name());
        node.put("ruleId", e.ruleId());
        node.put("amount", e.amount().value());
        node.put("unit", e.amount().unit());
        node.put("sourceEventId", e.sourceEventId());
        node.put("occurredAt", e.occurredAt().toString());
        node.put("planId", e.planId());
        node.put("fanId", e.fanId());
        node.put("orderRef", e.orderRef());
        node.put("reversesEntryId", e.reversesEntryId());
        return node;
    }

    private static LedgerEntry entry(JsonNode n) {
        return new LedgerEntry(text(n, "entryId"), text(n, "periodId"), text(n, "employeeId"), text(n, "departmentId"),
                text(n, "franchiseeId"), text(n, "channelId"), ChannelKind.valueOf(text(n, "channelKind")),
                text(n, "facilityId"), CreditKind.valueOf(text(n, "kind")), text(n, "ruleId"),
                new Amount(n.path("amount").asLong(), text(n, "unit")), text(n, "sourceEventId"),
                Instant.parse(text(n, "occurredAt")), text(n, "planId"), text(n, "fanId"), text(n, "orderRef"),
                text(n, "reversesEntryId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
