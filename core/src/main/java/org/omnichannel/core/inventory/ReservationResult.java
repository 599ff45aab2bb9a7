package org.omnichannel.core.inventory;

/** What reserving an order answers: every line reserved ({@link Reserved}), or nothing ({@link Refusal}). */
public sealed interface ReservationResult permits Reserved, Refusal {

    String orderId();
}
