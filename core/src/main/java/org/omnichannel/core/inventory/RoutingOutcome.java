package org.omnichannel.core.inventory;

/** What the router answers: a plan, or a refusal saying why. */
public sealed interface RoutingOutcome permits RoutingPlan, Refusal {

    String orderId();
}
