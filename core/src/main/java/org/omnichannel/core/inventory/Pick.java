package org.omnichannel.core.inventory;

/** Units of one order line taken from one facility. */
public record Pick(String lineId, String productId, long quantity) {
}
