package org.omnichannel.core.inventory;

/** A product an order asks more of than can be had. */
public record Shortfall(String productId, long requested, long available) {
}
