package org.omnichannel.ofbiz.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.insight.ActionKind;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fan adapter's mapping of core's closed sets onto the plugin's seed data, and its identity keys. */
class FanModelTest {

    /** enumId to [enumTypeId, enumCode] of data/OmnichannelTypeData.xml. */
    private static Map<String, String[]> seedEnumerations() throws Exception {
        Path file = Path.of(System.getProperty("omni.component", "ofbiz-plugin/omnichannel"), "data/OmnichannelTypeData.xml");
        var rows = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getElementsByTagName("Enumeration");
        Map<String, String[]> enums = new HashMap<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element e = (Element) rows.item(i);
            enums.put(e.getAttribute("enumId"), new String[] {e.getAttribute("enumTypeId"), e.getAttribute("enumCode")});
        }
        return enums;
    }

    @Test
    void every_core_channel_kind_identity_type_interaction_and_lifecycle_stage_has_its_seed_enumeration() throws Exception {
        Map<String, String[]> seed = seedEnumerations();
        for (ChannelKind kind : ChannelKind.values()) {
            assertThat(seed.get(OmniEnums.channelKind(kind))).as(kind.name()).containsExactly("OMNI_CHANNEL_KIND", kind.name());
        }
        for (IdentityType type : IdentityType.values()) {
            assertThat(seed.get(OmniEnums.identityType(type))).as(type.name()).containsExactly("OMNI_IDENTITY_TYPE", type.name());
        }
        for (InteractionKind kind : InteractionKind.values()) {
            assertThat(seed.get(OmniEnums.interaction(kind))).as(kind.name()).containsExactly("OMNI_INTERACTION", kind.name());
        }
        for (org.omnichannel.core.fan.insight.LifecycleStage stage : org.omnichannel.core.fan.insight.LifecycleStage.values()) {
            assertThat(seed.get(FanInsights.lifecycleEnumId(stage))).as(stage.name()).containsExactly("OMNI_LIFECYCLE", stage.name());
        }
        assertThat(seed).containsKeys(OmniEnums.orderInteraction(), OmniEnums.refundInteraction(), "OMNI_OB_STOCK_LEVEL", "OMNI_OB_FULFILMENT");
    }

    @Test
    void every_next_best_action_core_can_suggest_has_its_seed_enumeration() throws Exception {
        Map<String, String[]> seed = seedEnumerations();
        for (ActionKind kind : ActionKind.values()) {
            assertThat(seed.get(OmniEnums.nextAction(kind))).as(kind.name()).containsExactly("OMNI_NEXT_ACTION", kind.name());
            assertThat(OmniEnums.nextAction(kind).length()).as("Enumeration.enumId is an id: 20 characters").isLessThanOrEqualTo(20);
        }
        assertThat(seed.get(OmniEnums.NO_NEXT_ACTION)).containsExactly("OMNI_NEXT_ACTION", "NONE");
    }

    @Test
    void an_identity_row_is_keyed_by_the_engines_normalised_value_and_a_national_id_gets_none() {
        assertThat(FanIdentityKey.of(new IdentityKey(KeyType.EMAIL, null, "wang.xiaoming@example.com", true)))
                .contains(new FanIdentityKey("OMNI_ID_EMAIL", "_NA_", "wang.xiaoming@example.com"));
        FanIdentityKey openid = FanIdentityKey.of(new IdentityKey(KeyType.WECHAT_OPENID, "wx-app", "oAbC", false)).orElseThrow();
        assertThat(openid).isEqualTo(new FanIdentityKey("OMNI_ID_WX_OPENID", "wx-app", "oAbC"));
        assertThat(openid.keyType()).isEqualTo(KeyType.WECHAT_OPENID);
        assertThat(new FanIdentityKey("OMNI_ID_PHONE", "_NA_", "+8613800138000").coreNamespace()).isNull();
        assertThat(FanIdentityKey.of(new IdentityKey(KeyType.NATIONAL_ID, null, "110101199003074514", false))).isEmpty();
        assertThat(FanIdentityKey.of(new IdentityKey(KeyType.LOYALTY_CARD, null, "x".repeat(256), false)))
                .as("too long for OmniFanIdentity.normalizedValue").isEmpty();
    }

    @Test
    void the_display_value_of_an_identity_is_found_under_the_key_the_engine_will_store() {
        Map<String, String> display = FanResolver.displayValues(List.of(
                new Identity(IdentityType.PHONE, "+86 138-0013-8000", null, false),
                new Identity(IdentityType.EMAIL, " Wang.Xiaoming@Example.com ", null, true)), null);
        assertThat(display).containsEntry("PHONE::+8613800138000", "+86 138-0013-8000")
                .containsEntry("EMAIL::wang.xiaoming@example.com", "Wang.Xiaoming@Example.com");
    }
}
