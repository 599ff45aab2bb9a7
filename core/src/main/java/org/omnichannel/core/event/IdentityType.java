package org.omnichannel.core.event;

/**
 * The kinds of identifier a channel can tell us about a person. Names, birth dates and addresses
 * are not identifiers: they travel in {@link PersonDetails} and are matched probabilistically.
 */
public enum IdentityType {
    EMAIL,
    /** A phone number, as the channel gave it; normalised to E.164 by the fan engine. */
    PHONE,
    /** Per WeChat app (official account, mini program): {@link Identity#namespace()} holds the appid. */
    WECHAT_OPENID,
    /** Same person across the apps of one WeChat open-platform account. */
    WECHAT_UNIONID,
    ALIPAY_USER_ID,
    LOYALTY_CARD,
    /** A marketplace's buyer id; {@link Identity#namespace()} holds the marketplace. */
    MARKETPLACE_BUYER_ID,
    /** A payment provider's fingerprint of a card (never the card number). */
    CARD_FINGERPRINT,
    /** A social network handle or user id; {@link Identity#namespace()} holds the network. */
    SOCIAL_HANDLE,
    DEVICE_ID
}
