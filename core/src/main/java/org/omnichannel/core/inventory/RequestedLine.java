package org.omnichannel.core.inventory;

/** One line of an order to route: whole units of one product. */
public record RequestedLine(String lineId, String productId, long quantity) {

    public RequestedLine {
        lineId = Names.requireId(lineId, "line.lineId");
        productId = Names.requireId(productId, "line " + lineId + " productId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("line " + lineId + " quantity must be positive, was " + quantity);
        }
    }
}
