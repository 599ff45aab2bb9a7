package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-channel referral the clerk can make: recorded as a {@link InteractionKind#REFERRAL}
 * interaction (see {@link #toInteraction}), it lets the incentive engine credit the clerk when the
 * fan buys there.
 *
 * @param fromChannelId    where the fan is now
 * @param fromFacilityId   the store the fan is in, or null
 * @param employeeId       the clerk who makes the referral, or null
 * @param targetChannelId  the channel the fan is sent to
 * @param targetFacilityId the store the fan is sent to, or null for an online channel
 * @param productIds       the products
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralSuggestion(String fromChannelId, String fromFacilityId, String employeeId,
                                 String targetChannelId, String targetFacilityId, List<String> productIds) {

    public ReferralSuggestion {
        productIds = List.copyOf(productIds);
    }

    /** The REFERRAL interaction that records this referral, with the code handed to the fan. */
    public InteractionPayload toInteraction(String referralCode) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("reason", "out of stock at " + (fromFacilityId == null ? fromChannelId : fromFacilityId));
        if (targetFacilityId != null) {
            attributes.put("targetFacilityId", targetFacilityId);
        }
        return new InteractionPayload(InteractionKind.REFERRAL, productIds, null, referralCode, targetChannelId,
                null, null, attributes);
    }
}
