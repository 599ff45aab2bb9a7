package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

class FanMergeTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();

    /** "Xiao Ming" in the store and "Mr Wang" online turn out to be one person. */
    private void recordTwoHalves() {
        engine.record(of("xiaoming", interaction(STORE_SH, InteractionKind.VISIT, day(0).minusSeconds(2400))
                .facility(NANJING_ROAD)));
        engine.record(of("xiaoming", interaction(STORE_SH, InteractionKind.TRY_ON, day(0).minusSeconds(1800), AVIATOR)
                .facility(NANJING_ROAD)));
        engine.record(of("xiaoming", order(STORE_SH, "POS-8812", day(0), 129900, AVIATOR).facility(NANJING_ROAD)));
        engine.record(of("mr-wang", interaction(WEB, new InteractionPayload(InteractionKind.PRODUCT_VIEW,
                List.of(AVIATOR), null, null, null, null, 3600L, null), day(-3))));
        engine.record(of("mr-wang", interaction(WECHAT, InteractionKind.FOLLOW, day(-1))));
        engine.record(of("mr-wang", profile(WECHAT, day(-1), Map.of("wechat", true))));
    }

    @Test
    void merging_combines_the_timelines_and_scores_the_person_as_one_fan() {
        recordTwoHalves();
        double storeOnly = engine.insight("xiaoming", day(0)).orElseThrow().index().value();

        FanInsight merged = engine.merge("xiaoming", "mr-wang", day(0));

        FanInsightEngine oneFan = FanInsightEngine.withDefaults();
        FanTimelineTest.glassesScenario("wang").forEach(oneFan::record);
        assertThat(merged.index().value()).isCloseTo(oneFan.insight("wang", day(0)).orElseThrow().index().value(),
                within(1e-9));
        assertThat(merged.index().value()).isGreaterThan(storeOnly);
        assertThat(merged.stage()).isEqualTo(LifecycleStage.IRON_FAN);
        assertThat(merged.transition().reason()).endsWith("; merged with fan mr-wang");
        assertThat(engine.timeline("xiaoming", null, null)).hasSize(6);
        assertThat(engine.consents("xiaoming")).extracting(Consent::purpose).containsExactly("wechat");
        assertThat(engine.fanCount()).isEqualTo(1);
    }

    @Test
    void later_events_for_the_merged_fan_land_on_the_survivor_once() {
        recordTwoHalves();
        engine.merge("xiaoming", "mr-wang", day(0));

        FanEvent lateLike = of("mr-wang", interaction(WECHAT, InteractionKind.LIKE, day(1)));
        assertThat(engine.record(lateLike)).isEqualTo(RecordOutcome.RECORDED);
        assertThat(engine.record(of("xiaoming", interaction(WECHAT, InteractionKind.FOLLOW, day(-1)))))
                .isEqualTo(RecordOutcome.DUPLICATE);

        assertThat(engine.timeline("xiaoming", null, null)).hasSize(7);
        assertThat(engine.timeline("mr-wang", null, null)).hasSize(7);
        assertThat(engine.fanCount()).isEqualTo(1);
    }

    @Test
    void merging_an_unknown_fan_or_a_fan_with_itself_is_refused() {
        recordTwoHalves();

        assertThatThrownBy(() -> engine.merge("xiaoming", "nobody", day(0)))
                .hasMessage("cannot merge fan nobody into xiaoming: the engine has no fan nobody");
        engine.merge("xiaoming", "mr-wang", day(0));
        assertThatThrownBy(() -> engine.merge("xiaoming", "mr-wang", day(0)))
                .hasMessage("cannot merge fan mr-wang into xiaoming: they are already one fan (xiaoming)");
    }

    @Test
    void a_full_recompute_gives_every_fan_the_index_the_events_gave_it() {
        recordTwoHalves();
        double before = engine.insight("xiaoming", day(30)).orElseThrow().index().value();

        assertThat(engine.recomputeAll(day(30))).isEqualTo(2);

        assertThat(engine.insight("xiaoming", day(30)).orElseThrow().index().value()).isCloseTo(before, within(1e-9));
    }
}
