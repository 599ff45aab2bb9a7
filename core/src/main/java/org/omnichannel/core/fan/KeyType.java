package org.omnichannel.core.fan;

import org.omnichannel.core.event.IdentityType;

/**
 * The kinds of strong identifier that link records deterministically: every {@link IdentityType}
 * plus a national id (which travels as a person attribute). Each kind has a trust: how sure a
 * shared value makes us that two records are one person. A verified value is trusted more than a
 * typed one; a kind trusted less than {@link #LINK_TRUST} never links on its own (a shared
 * device is no proof).
 */
public enum KeyType {
    WECHAT_UNIONID(100, 90, true),
    WECHAT_OPENID(95, 85, false),
    ALIPAY_USER_ID(95, 85, false),
    NATIONAL_ID(95, 80, true),
    MARKETPLACE_BUYER_ID(90, 80, false),
    LOYALTY_CARD(85, 75, false),
    EMAIL(85, 70, false),
    PHONE(80, 70, false),
    CARD_FINGERPRINT(80, 65, false),
    SOCIAL_HANDLE(80, 60, false),
    DEVICE_ID(40, 30, false);

    /** The least trust with which a shared key links records on its own. */
    public static final int LINK_TRUST = 60;

    private final int verifiedTrust;
    private final int typedTrust;
    private final boolean onePerPerson;

    KeyType(int verifiedTrust, int typedTrust, boolean onePerPerson) {
        this.verifiedTrust = verifiedTrust;
        this.typedTrust = typedTrust;
        this.onePerPerson = onePerPerson;
    }

    /** 0..100. */
    public int trust(boolean verified) {
        return verified ? verifiedTrust : typedTrust;
    }

    /**
     * True when a person has at most one value of this kind in a namespace (a national id, a
     * WeChat unionid per open platform): two different values are evidence of two people.
     */
    public boolean onePerPerson() {
        return onePerPerson;
    }

    public static KeyType of(IdentityType type) {
        return valueOf(type.name());
    }
}
