package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PersonDetails;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

class FanPrivacyTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();
    private final FanPrivacy privacy = new FanPrivacy(engine);

    private void recordWang() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);
        engine.record(of("wang", interaction(WECHAT, new InteractionPayload(InteractionKind.COMPLAINT, List.of(),
                "POS-8812", null, null, "镜腿松了, call me on 13800138000", null, null), day(2))
                .identity(new Identity(IdentityType.WECHAT_OPENID, "oA1-xiaoming", "wx-brand-oa", true))
                .person(PersonDetails.named("王小明"))));
        engine.record(of("wang", payment(STORE_SH, "POS-8812", day(0), 129900, PaymentMethod.ALIPAY)
                .identity(new Identity(IdentityType.ALIPAY_USER_ID, "2088102122524333", null, true))));
        engine.record(of("wang", profile(WECHAT, day(1), Map.of("wechat", true))));
    }

    @Test
    void the_export_holds_identities_details_consents_scores_transitions_and_the_whole_timeline_as_json() throws Exception {
        recordWang();

        JsonNode json = ChannelEventJson.mapper().readTree(privacy.exportJson("wang", day(3)));

        assertThat(json.get("format").asText()).isEqualTo("omnichannel-fan-export/1");
        assertThat(json.get("fanId").asText()).isEqualTo("wang");
        assertThat(json.get("exportedAt").asText()).isEqualTo("2026-11-23T02:15:00Z");
        assertThat(json.get("identities").findValuesAsText("value"))
                .containsExactlyInAnyOrder("oA1-xiaoming", "2088102122524333");
        assertThat(json.get("person").get("fullName").asText()).isEqualTo("王小明");
        assertThat(json.get("consents").get(0).get("channelId").asText()).isEqualTo("wechat-oa-brand");
        assertThat(json.get("timeline")).hasSize(8);
        assertThat(json.get("timeline").findValuesAsText("text")).containsExactly("镜腿松了, call me on 13800138000");
        assertThat(json.get("timeline").get(4).get("amount").get("amountMinor").asLong()).isEqualTo(129900);
        assertThat(json.get("insight").get("stage").asText()).isEqualTo("IRON_FAN");
        assertThat(json.get("transitions")).hasSize(2);
    }

    @Test
    void erasure_removes_the_person_and_keeps_the_behaviour_under_a_pseudonym_nothing_maps_back() {
        recordWang();
        double valueBefore = engine.insight("wang", day(3)).orElseThrow().index().value();

        ErasureRecord record = privacy.erase("wang", "dpo@brand.example", "PIPL art. 47 request #77", day(3));

        assertThat(record).isEqualTo(new ErasureRecord("wang", day(3), "dpo@brand.example", "PIPL art. 47 request #77",
                2, true, 1, 1, 8));
        assertThat(privacy.audit()).containsExactly(record);
        assertThat(engine.insight("wang", day(3))).isEmpty();
        assertThat(engine.timeline("wang", null, null)).isEmpty();
        assertThat(engine.record(of("wang", interaction(WEB, InteractionKind.VISIT, day(4)))))
                .isEqualTo(RecordOutcome.FAN_ERASED);
        assertThatThrownBy(() -> privacy.export("wang", day(3))).hasMessage("cannot export fan wang: it was erased");

        String pseudonym = engine.fanIds().iterator().next();
        assertThat(pseudonym).startsWith("erased-").doesNotContain("wang");
        assertThat(record.toString()).doesNotContain(pseudonym);
        String kept = new String(privacy.exportJson(pseudonym, day(3)), StandardCharsets.UTF_8);
        assertThat(kept).doesNotContain("oA1-xiaoming", "2088102122524333", "王小明", "镜腿", "13800138000", "\"wang\"");
        assertThat(engine.insight(pseudonym, day(3)).orElseThrow().index().value()).isCloseTo(valueBefore, within(1e-9));
        assertThat(engine.consents(pseudonym)).isEmpty();
    }

    @Test
    void an_erased_fans_linked_orders_stay_linked_in_the_kpi() {
        engine.record(FanEvent.anonymous(order(STORE_SH, "POS-1", day(0), 5000, ROUND).build()));
        engine.record(of("wang", payment(STORE_SH, "POS-1", day(0), 5000, PaymentMethod.WECHAT_PAY)
                .identity(new Identity(IdentityType.WECHAT_OPENID, "oPay-1", "wx-pay", true))));

        privacy.erase("wang", "dpo", "request", day(1));

        assertThat(engine.anonymousOrders().report(PeriodGranularity.MONTH, ZoneId.of("UTC")).overall().get(0).anonymous())
                .isZero();
    }

    @Test
    void a_fan_merged_into_an_erased_fan_is_erased_too() {
        engine.record(of("xiaoming", interaction(STORE_SH, InteractionKind.VISIT, day(0))));
        engine.record(of("mr-wang", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(0), AVIATOR)));
        engine.merge("xiaoming", "mr-wang", day(0));

        privacy.erase("xiaoming", "dpo", "request", day(1));

        assertThat(engine.record(of("mr-wang", interaction(WEB, InteractionKind.LIKE, day(2)))))
                .isEqualTo(RecordOutcome.FAN_ERASED);
        assertThat(engine.fanCount()).isEqualTo(1);
    }

    @Test
    void an_erasure_names_who_asked_and_why_and_an_unknown_fan_is_refused() {
        recordWang();

        assertThatThrownBy(() -> privacy.erase("wang", " ", "request", day(1)))
                .hasMessage("an erasure needs requestedBy, reason and at (for the audit)");
        assertThatThrownBy(() -> privacy.erase("nobody", "dpo", "request", day(1)))
                .hasMessage("cannot erase fan nobody: the engine has no such fan");
        assertThat(privacy.audit()).isEmpty();
    }
}
