package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A fan moved from one stage to another.
 *
 * @param from    the stage before, or null for the fan's first stage
 * @param to      the stage after
 * @param at      when the move was noticed (the event's time, or the instant of the evaluation)
 * @param reason  why, in words a clerk can read
 * @param eventId the event that caused it, or null when time passing did (a fan going quiet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleTransition(LifecycleStage from, LifecycleStage to, Instant at, String reason, String eventId) {
}
