package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Behaviour that is not a transaction: a visit, a try-on, a comment, a complaint...
 *
 * @param subtype         which behaviour
 * @param productIds      the products it was about (viewed, tried on, put in the cart)
 * @param orderId         the order it is about (a complaint about an order), or null
 * @param referralCode    for {@link InteractionKind#REFERRAL}: the code handed to the fan
 * @param targetChannelId for {@link InteractionKind#REFERRAL}: the channel the fan was sent to
 * @param text            what the fan wrote or said, for comments, messages and complaints
 * @param durationSeconds how long it lasted (a visit, a call, a browsing session), or null
 * @param attributes      anything else the channel said, as strings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionPayload(InteractionKind subtype, List<String> productIds, String orderId,
                                 String referralCode, String targetChannelId, String text,
                                 Long durationSeconds, Map<String, String> attributes) implements EventPayload {

    public InteractionPayload {
        Checks.required(subtype, "interaction.subtype");
        productIds = Checks.list(productIds);
        orderId = Checks.optionalText(orderId);
        referralCode = Checks.optionalText(referralCode);
        targetChannelId = Checks.optionalText(targetChannelId);
        text = Checks.optionalText(text);
        if (durationSeconds != null && durationSeconds < 0) {
            throw new IllegalArgumentException("interaction.durationSeconds must not be negative");
        }
        attributes = Checks.map(attributes);
    }

    /** An interaction of the given subtype with nothing else said. */
    public static InteractionPayload of(InteractionKind subtype, String... productIds) {
        return new InteractionPayload(subtype, List.of(productIds), null, null, null, null, null, null);
    }
}
