package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.core.fan.insight.Events.*;

class FanTimelineTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();

    /**
     * The seed scenario: Mr Wang browses the glasses online for an hour, follows the brand on WeChat,
     * then visits the Nanjing Road store, tries them on and buys them (day 0 is the sale).
     */
    static List<FanEvent> glassesScenario(String fanId) {
        return List.of(
                of(fanId, interaction(WEB, new InteractionPayload(InteractionKind.PRODUCT_VIEW, List.of(AVIATOR), null,
                        null, null, null, 3600L, null), day(-3))),
                of(fanId, interaction(WECHAT, InteractionKind.FOLLOW, day(-1))),
                of(fanId, interaction(STORE_SH, InteractionKind.VISIT, day(0).minusSeconds(40 * 60)).facility(NANJING_ROAD).employee(LI_NA)),
                of(fanId, interaction(STORE_SH, InteractionKind.TRY_ON, day(0).minusSeconds(30 * 60), AVIATOR).facility(NANJING_ROAD)
                        .employee(LI_NA)),
                of(fanId, order(STORE_SH, "POS-8812", day(0), 129900, AVIATOR).facility(NANJING_ROAD).employee(LI_NA)));
    }

    @Test
    void keeps_every_interaction_with_where_who_and_what_across_channels() {
        glassesScenario("wang").forEach(engine::record);

        List<TimelineEntry> timeline = engine.timeline("wang", null, null);

        assertThat(timeline).extracting(TimelineEntry::activity).containsExactly(Activity.PRODUCT_VIEW,
                Activity.FOLLOW, Activity.VISIT, Activity.TRY_ON, Activity.ORDER_PLACED);
        TimelineEntry view = timeline.get(0);
        assertThat(view.channelKind()).isEqualTo(ChannelKind.OWN_ECOMMERCE);
        assertThat(view.productIds()).containsExactly(AVIATOR);
        assertThat(view.durationSeconds()).isEqualTo(3600L);
        TimelineEntry sale = timeline.stream().filter(e -> e.activity() == Activity.ORDER_PLACED).findFirst().orElseThrow();
        assertThat(sale.facilityId()).isEqualTo("store-sh-1");
        assertThat(sale.employeeId()).isEqualTo("clerk-42");
        assertThat(sale.orderId()).isEqualTo("POS-8812");
        assertThat(sale.amount()).isEqualTo(cny(129900));
    }

    @Test
    void answers_a_time_window_and_a_choice_of_channel_kinds() {
        glassesScenario("wang").forEach(engine::record);

        assertThat(engine.timeline("wang", day(-2), day(0))).extracting(TimelineEntry::activity)
                .containsExactly(Activity.FOLLOW, Activity.VISIT, Activity.TRY_ON);
        assertThat(engine.timeline("wang", null, null, Set.of(ChannelKind.OFFLINE_DIRECT)))
                .extracting(TimelineEntry::channelId).containsOnly("store-sh-1").hasSize(3);
        assertThat(engine.timeline("nobody", null, null)).isEmpty();
    }

    @Test
    void records_a_redelivered_event_once() {
        FanEvent follow = of("wang", interaction(WECHAT, InteractionKind.FOLLOW, day(-1)));

        assertThat(engine.record(follow)).isEqualTo(RecordOutcome.RECORDED);
        assertThat(engine.record(follow)).isEqualTo(RecordOutcome.DUPLICATE);

        assertThat(engine.timeline("wang", null, null)).hasSize(1);
        assertThat(engine.insight("wang", day(0)).orElseThrow().interactions()).isEqualTo(1);
    }

    @Test
    void puts_a_late_event_in_time_order() {
        engine.record(of("wang", interaction(STORE_SH, InteractionKind.VISIT, day(0))));
        engine.record(of("wang", interaction(WEB, InteractionKind.CART_ADD, day(-10), ROUND)));
        engine.record(of("wang", interaction(WECHAT, InteractionKind.LIKE, day(-5))));

        assertThat(engine.timeline("wang", null, null)).extracting(TimelineEntry::activity)
                .containsExactly(Activity.CART_ADD, Activity.LIKE, Activity.VISIT);
    }

    @Test
    void leaves_stock_adjustments_and_anonymous_sales_off_every_timeline() {
        ChannelEvent stock = ChannelEvent.builder().channel(STORE_SH.id(), STORE_SH.kind(), STORE_SH.system())
                .externalId("stock", "1").occurredAt(day(0)).type(EventType.STOCK_ADJUSTED)
                .payload(new StockAdjustmentPayload(AVIATOR, null, new FacilityRef("store-sh-1", null), StockReason.COUNT,
                        null, new BigDecimal("7"), new BigDecimal("5")))
                .build();

        assertThat(engine.record(new FanEvent("wang", stock))).isEqualTo(RecordOutcome.NOT_FAN_ACTIVITY);
        assertThat(engine.record(FanEvent.anonymous(order(STORE_SH, "POS-1", day(0), 5000, ROUND).build())))
                .isEqualTo(RecordOutcome.ANONYMOUS);
        assertThat(engine.fanCount()).isZero();
    }
}
