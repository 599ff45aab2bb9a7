package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

class ValueIndexTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();

    @Test
    void the_glasses_fan_scores_what_the_worked_example_in_the_docs_says() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);

        ValueIndex index = engine.insight("wang", day(0)).orElseThrow().index();

        assertThat(index.breadth()).isCloseTo(0.5325, within(1e-9));
        assertThat(index.recency()).isCloseTo(1.0, within(1e-9));
        assertThat(index.frequency()).isCloseTo(0.2212, within(1e-4));
        assertThat(index.monetary()).isCloseTo(0.4777, within(1e-4));
        assertThat(index.engagement()).isCloseTo(0.3670, within(1e-4));
        assertThat(index.rounded()).isEqualTo(51.2);
    }

    @Test
    void the_worked_example_decays_to_36_6_after_ninety_quiet_days() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);

        ValueIndex later = engine.insight("wang", day(90)).orElseThrow().index();

        assertThat(later.recency()).isCloseTo(0.3536, within(1e-4));
        assertThat(later.rounded()).isEqualTo(36.6);
    }

    @Test
    void the_incremental_index_equals_a_full_recompute_from_the_timeline() {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);
        engine.record(of("wang", order(WEB, "W-1", day(5), 59900, ROUND)));
        engine.record(of("wang", refund(WEB, "W-1", day(9), 59900)));
        engine.record(of("wang", interaction(TMALL, InteractionKind.COMMENT, day(2))));
        double incremental = engine.insight("wang", day(30)).orElseThrow().index().value();

        FanAggregate full = FanAggregate.of(engine.timeline("wang", null, null), engine.settings());
        double recomputed = new ValueIndexCalculator(engine.settings()).index(full, day(30)).value();

        assertThat(incremental).isCloseTo(recomputed, within(1e-9));
    }

    @Test
    void a_refund_takes_the_monetary_value_back() {
        engine.record(of("wang", order(WEB, "W-1", day(0), 129900, AVIATOR)));
        double bought = engine.insight("wang", day(1)).orElseThrow().index().monetary();
        engine.record(of("wang", refund(WEB, "W-1", day(1), 129900)));

        FanInsight after = engine.insight("wang", day(1)).orElseThrow();

        assertThat(bought).isGreaterThan(0.4);
        assertThat(after.index().monetary()).isZero();
        assertThat(after.netSpendMinor()).containsEntry("CNY", 0L);
    }

    @Test
    void a_cancelled_order_counts_neither_as_an_order_nor_as_spend() {
        engine.record(of("wang", order(WEB, "W-1", day(0), 129900, AVIATOR)));
        engine.record(of("wang", orderEvent(EventType.ORDER_CANCELLED, WEB, "W-1", day(0), 129900, "cancelled", AVIATOR)));

        FanInsight insight = engine.insight("wang", day(0)).orElseThrow();

        assertThat(insight.orders()).isZero();
        assertThat(insight.index().frequency()).isZero();
        assertThat(insight.index().monetary()).isZero();
        assertThat(insight.stage()).isEqualTo(LifecycleStage.PROSPECT);
    }

    @Test
    void weights_change_what_counts() {
        ValueIndexSettings d = ValueIndexSettings.defaults();
        ValueIndexSettings breadthOnly = new ValueIndexSettings(1, 0, 0, 0, 0, d.kindShare(), d.channelCap(),
                d.halfLife(), d.recencyHalfLife(), d.frequencyScale(), d.engagementScale(), d.spendUnitsMinor(),
                d.defaultSpendMajor(), d.interactionPoints());
        FanInsightEngine breadthEngine = new FanInsightEngine(breadthOnly, LifecycleSettings.defaults());
        FanTimelineTest.glassesScenario("wang").forEach(breadthEngine::record);

        assertThat(breadthEngine.insight("wang", day(0)).orElseThrow().index().value())
                .isCloseTo(53.25, within(1e-9));
    }

    @Test
    void an_unknown_currency_is_scaled_by_the_default_spend() {
        ValueIndexSettings d = ValueIndexSettings.defaults();
        assertThat(d.spendUnitMinor("CHF")).isEqualTo(30_000);
        assertThat(d.spendUnitMinor("KRW")).isEqualTo(300);
    }

    @Test
    void settings_refuse_nonsense_naming_the_field() {
        ValueIndexSettings d = ValueIndexSettings.defaults();
        assertThatThrownBy(() -> new ValueIndexSettings(-1, 0, 0, 0, 1, 0.5, 8, d.halfLife(), d.recencyHalfLife(), 1, 1,
                Map.of(), 100, d.interactionPoints())).hasMessage("breadthWeight must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> new ValueIndexSettings(1, 0, 0, 0, 1, 0.5, 8, Duration.ZERO, d.recencyHalfLife(), 1, 1,
                Map.of(), 100, d.interactionPoints())).hasMessage("halfLife must be a positive duration, was PT0S");
        Map<InteractionKind, Double> missing = new HashMap<>(d.interactionPoints());
        missing.remove(InteractionKind.TRY_ON);
        assertThatThrownBy(() -> new ValueIndexSettings(1, 0, 0, 0, 1, 0.5, 8, d.halfLife(), d.recencyHalfLife(), 1, 1,
                Map.of(), 100, missing)).hasMessage("interactionPoints has no value for TRY_ON");
        assertThatThrownBy(() -> new ValueIndexSettings(0, 0, 0, 0, 0, 0.5, 8, d.halfLife(), d.recencyHalfLife(), 1, 1,
                Map.of(), 100, d.interactionPoints())).hasMessage("value index weights must not all be 0");
    }
}
