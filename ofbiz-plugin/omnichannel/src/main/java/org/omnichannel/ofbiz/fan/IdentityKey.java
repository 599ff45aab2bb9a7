package org.omnichannel.ofbiz.fan;

import java.util.Locale;

import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;

/**
 * The primary key of an OmniFanIdentity row: type, namespace and the value as stored. Until core's
 * fan engine (org.omnichannel.core.fan) provides the normalisation, only what is safe for every
 * channel is done here: surrounding blanks are dropped and email addresses compared in lower case.
 */
public record IdentityKey(String identityTypeEnumId, String namespace, String normalizedValue) {

    public static IdentityKey of(Identity identity) {
        String value = identity.value().strip();
        if (identity.type() == IdentityType.EMAIL) {
            value = value.toLowerCase(Locale.ROOT);
        }
        String namespace = identity.namespace() == null ? OmniEnums.NO_NAMESPACE : identity.namespace();
        return new IdentityKey(OmniEnums.identityType(identity.type()), namespace, value);
    }
}
