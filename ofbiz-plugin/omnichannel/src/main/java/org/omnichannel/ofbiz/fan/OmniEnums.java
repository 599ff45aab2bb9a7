package org.omnichannel.ofbiz.fan;

import java.util.Map;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.fan.insight.ActionKind;

/**
 * The Enumeration ids (data/OmnichannelTypeData.xml) of core's closed sets. Each enumeration row's
 * enumCode is the core enum's name; a test holds the two together.
 */
public final class OmniEnums {

    /** PK value of OmniFanIdentity.idNamespace for identity types without a namespace. */
    public static final String NO_NAMESPACE = "_NA_";

    private static final Map<ChannelKind, String> CHANNEL_KINDS = Map.of(
            ChannelKind.OFFLINE_DIRECT, "OMNI_CK_OFF_DIRECT",
            ChannelKind.OFFLINE_FRANCHISE, "OMNI_CK_OFF_FRANCH",
            ChannelKind.OWN_ECOMMERCE, "OMNI_CK_OWN_ECOM",
            ChannelKind.MARKETPLACE, "OMNI_CK_MARKETPLACE",
            ChannelKind.SOCIAL, "OMNI_CK_SOCIAL");

    private static final Map<IdentityType, String> IDENTITY_TYPES = Map.of(
            IdentityType.EMAIL, "OMNI_ID_EMAIL",
            IdentityType.PHONE, "OMNI_ID_PHONE",
            IdentityType.WECHAT_OPENID, "OMNI_ID_WX_OPENID",
            IdentityType.WECHAT_UNIONID, "OMNI_ID_WX_UNIONID",
            IdentityType.ALIPAY_USER_ID, "OMNI_ID_ALIPAY",
            IdentityType.LOYALTY_CARD, "OMNI_ID_LOYALTY",
            IdentityType.MARKETPLACE_BUYER_ID, "OMNI_ID_MKT_BUYER",
            IdentityType.CARD_FINGERPRINT, "OMNI_ID_CARD_FP",
            IdentityType.SOCIAL_HANDLE, "OMNI_ID_SOCIAL",
            IdentityType.DEVICE_ID, "OMNI_ID_DEVICE");

    /** OMNI_NEXT_ACTION ids of core's next-best-action kinds (enumId is at most 20 characters). */
    private static final Map<ActionKind, String> NEXT_ACTIONS = Map.of(
            ActionKind.SERVICE_CALLBACK, "OMNI_NBA_CALLBACK",
            ActionKind.OFFER_STORE_RETURN, "OMNI_NBA_STORE_RET",
            ActionKind.SHOW_BROWSED_PRODUCTS, "OMNI_NBA_SHOW_BROWSE",
            ActionKind.SUGGEST_OTHER_CHANNEL, "OMNI_NBA_OTHER_CHAN",
            ActionKind.RETENTION_OFFER, "OMNI_NBA_RETENTION");

    /** The OMNI_NEXT_ACTION id stored when next-best-action has nothing to suggest. */
    public static final String NO_NEXT_ACTION = "OMNI_NBA_NONE";

    private OmniEnums() {
    }

    public static String channelKind(ChannelKind kind) {
        return require(CHANNEL_KINDS.get(kind), kind);
    }

    public static String identityType(IdentityType type) {
        return require(IDENTITY_TYPES.get(type), type);
    }

    /** The channel kind of an OMNI_CHANNEL_KIND id; IllegalArgumentException for another id. */
    public static ChannelKind channelKindOf(String enumId) {
        return CHANNEL_KINDS.entrySet().stream().filter(e -> e.getValue().equals(enumId)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + enumId + "' is no OMNI_CHANNEL_KIND"));
    }

    /** The identity type of an OMNI_IDENTITY_TYPE id; IllegalArgumentException for another id. */
    public static IdentityType identityTypeOf(String enumId) {
        return IDENTITY_TYPES.entrySet().stream().filter(e -> e.getValue().equals(enumId)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + enumId + "' is no OMNI_IDENTITY_TYPE"));
    }

    public static String nextAction(ActionKind kind) {
        return require(NEXT_ACTIONS.get(kind), kind);
    }

    /** OMNI_IA_ + the interaction kind's name. */
    public static String interaction(InteractionKind kind) {
        return "OMNI_IA_" + kind.name();
    }

    /** The OMNI_INTERACTION id an event of a non-interaction type is recorded under on the timeline. */
    public static String orderInteraction() {
        return "OMNI_IA_ORDER";
    }

    public static String refundInteraction() {
        return "OMNI_IA_REFUND";
    }

    private static String require(String id, Enum<?> value) {
        if (id == null) {
            throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + "." + value
                    + " has no Enumeration in data/OmnichannelTypeData.xml");
        }
        return id;
    }
}
