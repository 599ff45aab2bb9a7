package org.omnichannel.core.inventory;

/** Units held for an order at one facility, until shipped (fulfil) or cancelled (release). */
record Reservation(String orderId, String channelId, RoutingPlan plan) {
}
