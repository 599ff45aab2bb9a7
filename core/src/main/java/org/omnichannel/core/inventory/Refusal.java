package org.omnichannel.core.inventory;

import java.util.List;

/**
 * An order that cannot be served as asked; nothing was reserved for it.
 *
 * @param reason     a sentence naming the channel, products and figures
 * @param shortfalls the products short, with what was asked and what could be had
 */
public record Refusal(String orderId, String reason, List<Shortfall> shortfalls) implements RoutingOutcome, ReservationResult {

    public Refusal {
        shortfalls = List.copyOf(shortfalls);
    }
}
