package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One suggestion for the clerk or the service desk.
 *
 * @param kind       what to do
 * @param reason     why, in words a clerk can read
 * @param productIds the products it is about, possibly empty
 * @param orderId    the order it is about, or null
 * @param via        the consent that allows it, for actions that need one (null otherwise)
 * @param referral   for {@link ActionKind#SUGGEST_OTHER_CHANNEL}, the referral to record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionHint(ActionKind kind, String reason, List<String> productIds, String orderId, Consent via,
                         ReferralSuggestion referral) {

    public ActionHint {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }
}
