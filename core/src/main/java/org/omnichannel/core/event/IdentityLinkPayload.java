package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The channel asserts that all identities on the event are one person.
 *
 * @param evidence how it knows, e.g. "wechat-unionid", "loyalty-card-scan", "account-login"
 * @param verified true when the assertion comes from the platform itself, not from typed input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityLinkPayload(String evidence, boolean verified) implements EventPayload {

    public IdentityLinkPayload {
        evidence = Checks.requiredText(evidence, "identityLink.evidence");
    }
}
