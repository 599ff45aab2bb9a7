package org.omnichannel.core.fan;

/**
 * A normalised strong identifier of a record: what deterministic links are made on.
 *
 * @param type      the kind
 * @param namespace where the value is unique (WeChat appid, marketplace), or null when global
 * @param value     the normalised value (E.164 phone, lower-case e-mail...)
 * @param verified  the channel proved the person controls it
 */
public record IdentityKey(KeyType type, String namespace, String value, boolean verified) {

    public IdentityKey {
        if (type == null) {
            throw new IllegalArgumentException("identity key type is required");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("identity key value is required");
        }
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    /** The index form, e.g. {@code EMAIL::a@b.com} or {@code WECHAT_OPENID:wx123:o6_bm}. */
    public String key() {
        return type.name() + ":" + (namespace == null ? "" : namespace) + ":" + value;
    }

    public int trust() {
        return type.trust(verified);
    }
}
