package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.PaymentMethod;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

class AnonymousOrderRateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();

    private AnonymousOrderReport monthly() {
        return engine.anonymousOrders().report(PeriodGranularity.MONTH, SHANGHAI);
    }

    @Test
    void an_anonymous_till_sale_is_linked_when_the_alipay_capture_names_the_payer() {
        engine.record(FanEvent.anonymous(order(STORE_SH, "POS-1", day(0), 129900, AVIATOR).build()));
        assertThat(monthly().overall().get(0).anonymous()).isEqualTo(1);

        engine.record(of("wang", payment(STORE_SH, "POS-1", day(0), 129900, PaymentMethod.ALIPAY)
                .identity(new Identity(IdentityType.ALIPAY_USER_ID, "2088102122524333", null, true))));

        PeriodRate november = monthly().overall().get(0);
        assertThat(november.periodStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.orders()).isEqualTo(1);
        assertThat(november.anonymous()).isZero();
        assertThat(november.linkedBySource()).containsExactly(Map.entry(IdentityType.ALIPAY_USER_ID, 1L));
        assertThat(monthly().linkedBySource()).containsExactly(Map.entry(IdentityType.ALIPAY_USER_ID, 1L));
    }

    @Test
    void counts_only_offline_orders_that_were_not_cancelled_and_each_order_once() {
        FanEvent sale = FanEvent.anonymous(order(FRANCHISE_HZ, "HZ-1", day(0), 5000, ROUND).build());
        engine.record(sale);
        engine.record(sale);
        engine.record(FanEvent.anonymous(orderEvent(EventType.ORDER_UPDATED, FRANCHISE_HZ, "HZ-1", day(0), 5000,
                "paid", ROUND).build()));
        engine.record(FanEvent.anonymous(order(FRANCHISE_HZ, "HZ-2", day(0), 5000, ROUND).build()));
        engine.record(FanEvent.anonymous(orderEvent(EventType.ORDER_CANCELLED, FRANCHISE_HZ, "HZ-2", day(0), 5000,
                "void", ROUND).build()));
        engine.record(of("wang", order(WEB, "W-1", day(0), 5000, ROUND)));

        assertThat(monthly().overall()).singleElement().satisfies(row -> {
            assertThat(row.orders()).isEqualTo(1);
            assertThat(row.rate()).isEqualTo(1.0);
        });
        assertThat(monthly().byChannel()).containsOnlyKeys(FRANCHISE_HZ.id());
    }

    @Test
    void a_loyalty_scan_after_the_sale_links_it_and_a_fan_picked_by_hand_counts_without_identity() {
        engine.record(FanEvent.anonymous(order(STORE_SH, "POS-7", day(0), 9900, ROUND).build()));
        engine.record(of("li", interaction(STORE_SH, new InteractionPayload(InteractionKind.VISIT, List.of(), "POS-7",
                null, null, null, null, Map.of("scan", "loyalty")), day(0))
                .identity(IdentityType.LOYALTY_CARD, "LC-0042")));
        engine.record(of("zhao", order(STORE_SH, "POS-8", day(0), 9900, ROUND)));

        PeriodRate row = monthly().overall().get(0);
        assertThat(row.orders()).isEqualTo(2);
        assertThat(row.anonymous()).isZero();
        assertThat(row.linkedBySource()).containsExactly(Map.entry(IdentityType.LOYALTY_CARD, 1L));
        assertThat(row.linkedWithoutIdentity()).isEqualTo(1);
    }

    @Test
    void rows_per_channel_and_period_carry_the_change_from_the_period_before() {
        engine.record(FanEvent.anonymous(order(STORE_SH, "A", day(0), 100, ROUND).build()));
        engine.record(FanEvent.anonymous(order(STORE_SH, "B", day(0), 100, ROUND).build()));
        engine.record(FanEvent.anonymous(order(STORE_SH, "C", day(7), 100, ROUND).build()));
        engine.record(of("wang", order(STORE_SH, "D", day(7), 100, ROUND).identity(IdentityType.PHONE, "13800138000")));

        AnonymousOrderReport weekly = engine.anonymousOrders().report(PeriodGranularity.WEEK, SHANGHAI);

        List<PeriodRate> rows = weekly.byChannel().get(STORE_SH.id());
        assertThat(rows).extracting(PeriodRate::periodStart)
                .containsExactly(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23));
        assertThat(rows).extracting(PeriodRate::rate).containsExactly(1.0, 0.5);
        assertThat(rows.get(0).changeFromPrevious()).isNull();
        assertThat(rows.get(1).changeFromPrevious()).isEqualTo(-0.5);
        assertThat(weekly.trendPerPeriod()).isEqualTo(-0.5);
    }

    @Test
    void offline_anonymous_orders_fall_from_90_to_30_percent_as_mobile_payment_ids_arrive() {
        OfflinePopulation population = OfflinePopulation.generate(2026, 12, 1500, 0.10, 0.70, 20260101L);
        population.events().forEach(engine::record);

        AnonymousOrderReport report = monthly();

        assertThat(report.overall()).hasSize(12);
        for (PeriodRate row : report.overall()) {
            OfflinePopulation.Truth truth = population.truth(null, row.periodStart());
            assertThat(row.orders()).as("orders of %s", row.periodStart()).isEqualTo(truth.orders());
            assertThat(row.anonymous()).as("anonymous of %s", row.periodStart()).isEqualTo(truth.anonymous());
        }
        for (var channel : report.byChannel().entrySet()) {
            for (PeriodRate row : channel.getValue()) {
                assertThat(row.anonymous()).isEqualTo(population.truth(channel.getKey(), row.periodStart()).anonymous());
            }
        }
        assertThat(report.overall().get(0).rate()).isCloseTo(0.90, within(0.03));
        assertThat(report.overall().get(11).rate()).isCloseTo(0.30, within(0.03));
        assertThat(report.trendPerPeriod()).isCloseTo(-0.60 / 11, within(0.005));
        assertThat(report.linkedBySource()).isEqualTo(population.linkedBySource());
        assertThat(report.linkedBySource()).containsOnlyKeys(IdentityType.ALIPAY_USER_ID, IdentityType.WECHAT_OPENID,
                IdentityType.CARD_FINGERPRINT, IdentityType.LOYALTY_CARD);
    }
}
