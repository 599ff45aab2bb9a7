package org.omnichannel.ofbiz.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
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
    void an_email_is_keyed_in_lower_case_and_other_identities_as_given() {
        assertThat(IdentityKey.of(new Identity(IdentityType.EMAIL, " Wang.Xiaoming@Example.com ", null, true)))
                .isEqualTo(new IdentityKey("OMNI_ID_EMAIL", "_NA_", "wang.xiaoming@example.com"));
        assertThat(IdentityKey.of(new Identity(IdentityType.WECHAT_OPENID, "oAbC", "wx-app", false)))
                .isEqualTo(new IdentityKey("OMNI_ID_WX_OPENID", "wx-app", "oAbC"));
    }

    @Test
    void a_merge_record_survives_its_json_round_trip() {
        MergeRecord moved = new MergeRecord(List.of(new IdentityKey("OMNI_ID_PHONE", "_NA_", "+8613800138000")), List.of("10001", "10002"));
        assertThat(MergeRecord.fromJson(moved.toJson())).isEqualTo(moved);
    }
}
