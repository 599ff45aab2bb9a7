package org.omnichannel.core.fan.insight;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.PaymentMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

/**
 * The promises of the value index, over generated multi-channel timelines (all channel kinds, every
 * interaction, orders, payments, refunds and cancellations, up to two years back).
 */
class ValueIndexPropertiesTest {

    /** Floating-point slack: the promises hold exactly in real arithmetic. */
    private static final double ROUNDING = 1e-9;
    private static final int INTERACTIONS = InteractionKind.values().length;
    private static final int ORDER = INTERACTIONS;
    private static final int PAYMENT = INTERACTIONS + 1;
    private static final int REFUND = INTERACTIONS + 2;
    private static final int CANCEL = INTERACTIONS + 3;

    /** One generated event: on which channel, what, how many hours before T0, how much. */
    record Spec(int channel, int what, int hoursBefore, long amount) {

        FanEvent toEvent(String fanId, int n) {
            Channel ch = ALL.get(channel);
            Instant at = T0.minus(Duration.ofHours(hoursBefore));
            String orderId = "O-" + (amount % 4);
            ChannelEvent.Builder b;
            if (what < INTERACTIONS) {
                b = interaction(ch, InteractionKind.values()[what], at, "P" + n);
            } else if (what == ORDER) {
                b = order(ch, orderId + "-" + n, at, amount, "P" + n);
            } else if (what == PAYMENT) {
                b = payment(ch, orderId + "-" + n, at, amount, PaymentMethod.ALIPAY);
            } else if (what == REFUND) {
                b = refund(ch, orderId, at, amount);
            } else {
                b = orderEvent(EventType.ORDER_CANCELLED, ch, orderId, at, amount, "cancelled", "P" + n);
            }
            return of(fanId, b);
        }
    }

    @Provide
    Arbitrary<List<Spec>> timelines() {
        return spec(CANCEL).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Spec> nonReversal() {
        return spec(PAYMENT);
    }

    private static Arbitrary<Spec> spec(int maxWhat) {
        return Combinators.combine(Arbitraries.integers().between(0, ALL.size() - 1),
                Arbitraries.integers().between(0, maxWhat),
                Arbitraries.integers().between(0, 2 * 365 * 24),
                Arbitraries.longs().between(1, 2_000_000)).as(Spec::new);
    }

    private static FanInsightEngine engineWith(List<Spec> specs) {
        FanInsightEngine engine = FanInsightEngine.withDefaults();
        for (int i = 0; i < specs.size(); i++) {
            engine.record(specs.get(i).toEvent("fan", i));
        }
        return engine;
    }

    private static ValueIndex index(FanInsightEngine engine, Instant asOf) {
        return engine.insight("fan", asOf).map(FanInsight::index)
                .orElseGet(() -> new ValueIndexCalculator(engine.settings())
                        .index(new FanAggregate(engine.settings()), asOf));
    }

    @Property(tries = 300)
    void another_channel_never_lowers_the_index(@ForAll("timelines") List<Spec> timeline,
                                                  @ForAll("nonReversal") Spec extra,
                                                  @ForAll @IntRange(min = 0, max = 720) int daysLater) {
        Set<Integer> used = timeline.stream().map(Spec::channel).collect(Collectors.toSet());
        int other = -1;
        for (int c = 0; c < ALL.size() && other < 0; c++) {
            other = used.contains(c) ? -1 : c;
        }
        if (other < 0) {
            return; // every channel already used: nothing "another" to add
        }
        Instant asOf = T0.plus(Duration.ofDays(daysLater));
        ValueIndex before = index(engineWith(timeline), asOf);
        List<Spec> more = new ArrayList<>(timeline);
        more.add(new Spec(other, extra.what(), extra.hoursBefore(), extra.amount()));
        ValueIndex after = index(engineWith(more), asOf);

        assertThat(after.value()).isGreaterThanOrEqualTo(before.value() - ROUNDING);
        assertThat(after.breadth()).isGreaterThan(before.breadth());
    }

    @Property(tries = 300)
    void more_of_anything_but_a_reversal_never_lowers_the_index(@ForAll("timelines") List<Spec> timeline,
                                                               @ForAll("nonReversal") Spec extra) {
        ValueIndex before = index(engineWith(timeline), T0);
        List<Spec> more = new ArrayList<>(timeline);
        more.add(extra);

        assertThat(index(engineWith(more), T0).value()).isGreaterThanOrEqualTo(before.value() - ROUNDING);
    }

    @Property(tries = 300)
    void decay_never_raises_the_index_as_time_passes(@ForAll("timelines") List<Spec> timeline,
                                                     @ForAll @IntRange(min = -800, max = 800) int fromDay,
                                                     @ForAll @IntRange(min = 0, max = 800) int moreDays) {
        FanInsightEngine engine = engineWith(timeline);
        Instant earlier = T0.plus(Duration.ofDays(fromDay));
        Instant later = earlier.plus(Duration.ofDays(moreDays));
        FanAggregate aggregate = FanAggregate.of(engine.timeline("fan", null, null), engine.settings());
        ValueIndexCalculator calculator = new ValueIndexCalculator(engine.settings());

        assertThat(calculator.index(aggregate, later).value())
                .isLessThanOrEqualTo(calculator.index(aggregate, earlier).value() + ROUNDING);
    }

    @Property(tries = 300)
    void decay_strictly_lowers_the_index_of_a_fan_who_did_anything(@ForAll("nonReversal") Spec only,
                                                                  @ForAll @IntRange(min = 1, max = 400) int quietDays) {
        FanInsightEngine engine = engineWith(List.of(only));
        double now = index(engine, T0).value();

        assertThat(index(engine, T0.plus(Duration.ofDays(quietDays))).value()).isLessThan(now);
    }

    @Property(tries = 300)
    void the_index_stays_between_0_and_100(@ForAll("timelines") List<Spec> timeline,
                                           @ForAll @IntRange(min = -800, max = 3000) int day) {
        ValueIndex index = index(engineWith(timeline), T0.plus(Duration.ofDays(day)));

        assertThat(index.value()).isBetween(0.0, 100.0);
        for (double component : new double[]{index.breadth(), index.recency(), index.frequency(), index.monetary(),
                index.engagement()}) {
            assertThat(component).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 300)
    void the_incremental_index_equals_a_full_recompute_whatever_the_arrival_order(
            @ForAll("timelines") List<Spec> timeline, @ForAll long seed) {
        List<FanEvent> events = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            events.add(timeline.get(i).toEvent("fan", i));
        }
        Collections.shuffle(events, new Random(seed));
        FanInsightEngine engine = FanInsightEngine.withDefaults();
        events.forEach(engine::record);
        ValueIndex incremental = index(engine, T0);

        FanAggregate full = FanAggregate.of(engine.timeline("fan", null, null), engine.settings());
        ValueIndex recomputed = new ValueIndexCalculator(engine.settings()).index(full, T0);

        assertThat(incremental.value()).isCloseTo(recomputed.value(), within(1e-6));
        assertThat(incremental.engagement()).isCloseTo(recomputed.engagement(), within(1e-9));
    }
}
