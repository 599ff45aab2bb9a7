package org.omnichannel.ofbiz.fan;

import java.util.Optional;

import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;

/**
 * The primary key of an OmniFanIdentity row: the identity type's Enumeration, the namespace
 * ({@link OmniEnums#NO_NAMESPACE} when none) and the value as core's identity engine normalised it
 * (E.164 phone, folded e-mail...). OmniFanIdentity is what the screens show and search: one row
 * per identity, naming the fan that first held it.
 */
public record FanIdentityKey(String identityTypeEnumId, String namespace, String normalizedValue) {

    /** Column sizes of OmniFanIdentity (id-vlong, id-long). */
    static final int MAX_VALUE = 255;
    static final int MAX_NAMESPACE = 60;

    /**
     * The row key of one of core's identity keys; empty for a kind that is no channel identity
     * (a national id, which travels as a person attribute) or a value too long for the columns.
     */
    public static Optional<FanIdentityKey> of(IdentityKey key) {
        IdentityType type = identityType(key.type());
        if (type == null || key.value().length() > MAX_VALUE
                || (key.namespace() != null && key.namespace().length() > MAX_NAMESPACE)) {
            return Optional.empty();
        }
        return Optional.of(new FanIdentityKey(OmniEnums.identityType(type),
                key.namespace() == null ? OmniEnums.NO_NAMESPACE : key.namespace(), key.value()));
    }

    /** The core key type of this row's Enumeration. */
    public KeyType keyType() {
        return KeyType.of(OmniEnums.identityTypeOf(identityTypeEnumId));
    }

    /** The namespace as core has it: null for none. */
    public String coreNamespace() {
        return OmniEnums.NO_NAMESPACE.equals(namespace) ? null : namespace;
    }

    private static IdentityType identityType(KeyType type) {
        for (IdentityType t : IdentityType.values()) {
            if (t.name().equals(type.name())) {
                return t;
            }
        }
        return null;
    }
}
