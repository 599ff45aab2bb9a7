package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One identifier seen on an event, as the channel gave it (normalisation is the fan engine's job,
 * so the raw value is never lost).
 *
 * @param type      what kind of identifier
 * @param value     the identifier as received
 * @param namespace where the value is unique when it is not global: a WeChat appid for an openid,
 *                  a marketplace for a buyer id, a network for a social handle; null otherwise
 * @param verified  true when the channel proved the person controls it (a WeChat login, a
 *                  confirmed e-mail), false when it was only typed in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identity(IdentityType type, String value, String namespace, boolean verified) {

    public Identity {
        Checks.required(type, "identity.type");
        value = Checks.requiredText(value, "identity.value");
        namespace = Checks.optionalText(namespace);
    }

    /** An unverified identity with no namespace. */
    public static Identity of(IdentityType type, String value) {
        return new Identity(type, value, null, false);
    }
}
