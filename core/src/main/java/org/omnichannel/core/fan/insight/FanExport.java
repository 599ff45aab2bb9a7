package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.PersonDetails;

import java.time.Instant;
import java.util.List;

/**
 * Everything the insight engine holds about one fan, for a data-subject access request.
 *
 * @param format      {@value #FORMAT}, so a reader knows what it holds
 * @param identities  every identifier seen on the fan's events
 * @param person      the latest personal details a channel sent, or null
 * @param tags        labels channels keep on the fan
 * @param consents    consents per channel and purpose
 * @param insight     value index, stage and aggregates as of the export
 * @param transitions every lifecycle transition
 * @param timeline    every timeline entry, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "fanId", "exportedAt"})
public record FanExport(String format, String fanId, Instant exportedAt, List<Identity> identities,
                        PersonDetails person, List<String> tags, List<Consent> consents, FanInsight insight,
                        List<LifecycleTransition> transitions, List<TimelineEntry> timeline) {

    public static final String FORMAT = "omnichannel-fan-export/1";
}
