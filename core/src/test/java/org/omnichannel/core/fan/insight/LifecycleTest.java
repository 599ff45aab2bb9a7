package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.core.fan.insight.Events.*;

class LifecycleTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();

    @Test
    void the_glasses_fan_goes_from_prospect_to_iron_fan_when_the_store_sale_completes_three_kinds_of_channel() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);

        List<LifecycleTransition> history = engine.transitions("wang");

        assertThat(history).extracting(LifecycleTransition::to)
                .containsExactly(LifecycleStage.PROSPECT, LifecycleStage.IRON_FAN);
        LifecycleTransition iron = history.get(1);
        assertThat(iron.from()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(iron.at()).isEqualTo(day(0));
        assertThat(iron.reason()).isEqualTo("uses 3 kinds of channel [OFFLINE_DIRECT, OWN_ECOMMERCE, SOCIAL] with value "
                + "index 51.2 (iron fan from 3 kinds and 50.0)");
        assertThat(iron.eventId()).isEqualTo(engine.timeline("wang", day(0), null).get(0).eventId());
    }

    @Test
    void a_first_order_on_one_channel_makes_a_new_fan_and_more_orders_an_active_one() {
        engine.record(of("li", order(WEB, "W-1", day(0), 9900, ROUND)));
        assertThat(engine.insight("li", day(1)).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);

        engine.record(of("li", order(WEB, "W-2", day(20), 9900, ROUND)));

        FanInsight li = engine.insight("li", day(20)).orElseThrow();
        assertThat(li.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(li.transition().reason()).startsWith("2 orders, last activity 0 days ago, value index");
    }

    @Test
    void a_one_order_fan_stops_being_new_after_the_new_window_even_without_events() {
        engine.record(of("li", order(WEB, "W-1", day(0), 9900, ROUND)));
        engine.record(of("li", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(85), ROUND)));

        assertThat(engine.insight("li", day(89)).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(engine.insight("li", day(91)).orElseThrow().stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void regular_big_orders_on_one_channel_make_a_loyal_fan() {
        for (int month = 0; month < 4; month++) {
            engine.record(of("zhao", order(TMALL, "T-" + month, day(month * 30), 300000, AVIATOR)));
            engine.record(of("zhao", interaction(TMALL, InteractionKind.COMMENT, day(month * 30 + 1))));
        }

        FanInsight zhao = engine.insight("zhao", day(91)).orElseThrow();

        assertThat(zhao.stage()).isEqualTo(LifecycleStage.LOYAL);
        assertThat(zhao.orders()).isEqualTo(4);
        assertThat(zhao.transition().reason()).startsWith("3 orders with value index");
    }

    @Test
    void an_iron_fan_who_goes_quiet_is_at_risk_then_lapsed_and_the_transitions_say_for_how_long() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);

        FanInsight atRisk = engine.insight("wang", day(100)).orElseThrow();
        FanInsight lapsed = engine.insight("wang", day(400)).orElseThrow();

        assertThat(atRisk.stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(atRisk.everIronFan()).isTrue();
        assertThat(atRisk.transition()).isEqualTo(new LifecycleTransition(LifecycleStage.IRON_FAN,
                LifecycleStage.AT_RISK, day(100), "no activity for 100 days (at risk after 90)", null));
        assertThat(lapsed.stage()).isEqualTo(LifecycleStage.LAPSED);
        assertThat(lapsed.transition().reason()).isEqualTo("no activity for 400 days (lapsed after 365)");
        assertThat(engine.transitions("wang")).extracting(LifecycleTransition::to).containsExactly(
                LifecycleStage.PROSPECT, LifecycleStage.IRON_FAN, LifecycleStage.AT_RISK, LifecycleStage.LAPSED);
    }

    @Test
    void a_lapsed_fan_who_comes_back_and_buys_is_active_again() {
        engine.record(of("li", order(WEB, "W-1", day(0), 9900, ROUND)));
        engine.record(of("li", order(WEB, "W-2", day(10), 9900, ROUND)));
        assertThat(engine.insight("li", day(500)).orElseThrow().stage()).isEqualTo(LifecycleStage.LAPSED);

        engine.record(of("li", order(WEB, "W-3", day(501), 9900, ROUND)));

        FanInsight back = engine.insight("li", day(501)).orElseThrow();
        assertThat(back.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(back.transition().from()).isEqualTo(LifecycleStage.LAPSED);
    }

    @Test
    void asking_about_the_past_does_not_rewrite_the_transitions() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);
        engine.insight("wang", day(100));

        FanInsight past = engine.insight("wang", day(1)).orElseThrow();

        assertThat(past.stage()).isEqualTo(LifecycleStage.IRON_FAN);
        assertThat(engine.transitions("wang")).hasSize(3);
    }

    @Test
    void thresholds_are_configurable() {
        LifecycleSettings strict = new LifecycleSettings(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(60),
                2, 10, 4, 80);
        FanInsightEngine strictEngine = new FanInsightEngine(ValueIndexSettings.defaults(), strict);
        FanTimelineTest.glassesScenario("wang").forEach(strictEngine::record);

        assertThat(strictEngine.insight("wang", day(10)).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(strictEngine.insight("wang", day(31)).orElseThrow().stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(strictEngine.insight("wang", day(61)).orElseThrow().stage()).isEqualTo(LifecycleStage.LAPSED);
    }

    @Test
    void settings_refuse_a_lapse_before_the_risk() {
        assertThatThrownBy(() -> new LifecycleSettings(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(60),
                3, 40, 3, 50)).hasMessage("lapsedAfter (PT1440H) must be longer than atRiskAfter (PT2160H)");
    }
}
