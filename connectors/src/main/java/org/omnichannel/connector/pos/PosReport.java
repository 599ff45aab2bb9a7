package org.omnichannel.connector.pos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.core.event.ChannelEventJson;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * What happened to one dropped file, as the JSON the hub stores beside it for the franchisee:
 * <pre>
 * {"file": "...", "sha256": "...", "rows": 9, "ordersImported": 2, "ordersRejected": 1, "events": 5,
 *  "problems": [{"where": "line 7", "message": "quantity must be greater than 0, was 0"},
 *               {"where": "order SH01/1003", "message": "not imported: line 7 of it is invalid"}]}
 * </pre>
 *
 * @param rows the data rows read (the header not counted)
 */
record PosReport(String file, String sha256, int rows, int ordersImported, int ordersRejected, int events,
                 List<PosProblem> problems) {

    PosReport {
        problems = List.copyOf(problems);
    }

    /** Always 200: the file was read; {@code problems} says what of it was not imported. */
    ConnectorResponse toResponse() {
        ObjectNode root = ChannelEventJson.mapper().createObjectNode();
        root.put("file", file).put("sha256", sha256).put("rows", rows).put("ordersImported", ordersImported)
                .put("ordersRejected", ordersRejected).put("events", events);
        ArrayNode list = root.putArray("problems");
        problems.forEach(p -> list.addObject().put("where", p.where()).put("message", p.message()));
        try {
            return ConnectorResponse.json(200,
                    ChannelEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
