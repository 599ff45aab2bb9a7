package org.omnichannel.core.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.RefundLine;
import org.omnichannel.core.event.RefundPayload;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.omnichannel.core.inventory.Network.*;

class InventoryEventsTest {

    private static final String GLASSES = "GL-AVIATOR-BLK";
    private static final String SKU = "SKU-AVIATOR-BLK";
    private static final Instant T0 = Instant.parse("2026-11-20T02:15:00Z");
    private static final Address NANJING_ROAD = new Address("王小明", "南京东路 100 号", null, "上海", "上海", "200001", "CN", null);

    private StockLedger ledger;
    private OrderReservations reservations;
    private InventoryEvents events;

    @BeforeEach
    void stock() {
        ledger = Network.ledger();
        reservations = new OrderReservations(ledger, RoutingCosts.DEFAULT);
        Geocoder shanghaiOnly = address -> "上海".equals(address.city()) ? Optional.of(PEOPLES_SQUARE) : Optional.empty();
        events = new InventoryEvents(ledger, reservations, shanghaiOnly);
        ledger.loadAll(new ListedFacts(List.of(
                new StockFact(GLASSES, SKU, WH, BigDecimal.valueOf(10), BigDecimal.valueOf(10), null),
                new StockFact(GLASSES, SKU, STORE_PS, BigDecimal.valueOf(3), BigDecimal.valueOf(3), null))));
    }

    private static ChannelEvent event(String channel, ChannelKind kind, EventType type, FacilityRef facility,
                                      org.omnichannel.core.event.EventPayload payload, String... externalId) {
        return ChannelEvent.builder().channel(channel, kind, "test").externalId(externalId).type(type)
                .occurredAt(T0).receivedAt(T0).facility(facility).payload(payload).build();
    }

    private static OrderPayload order(String id, FulfilmentMode mode, FacilityRef pickup, long quantity) {
        Money price = new Money(129900, "CNY");
        Money total = new Money(129900 * quantity, "CNY");
        return new OrderPayload(id, null, "paid", "CNY",
                List.of(new OrderLine("L1", SKU, null, "Aviator", BigDecimal.valueOf(quantity), price, null, total)),
                total, null, null, null, total, null, mode == FulfilmentMode.SHIP ? NANJING_ROAD : null, mode, pickup, null);
    }

    @Test
    void an_online_order_returned_in_a_store_restocks_that_store_and_tells_every_channel_it_feeds() {
        InventoryOutcome placed = events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.ORDER_PLACED, null,
                order("4711", FulfilmentMode.SHIP, null, 2), "order", "4711"));
        Reserved reserved = (Reserved) placed.reservation();
        assertThat(reserved.plan().shipments()).extracting(Shipment::facilityId).containsExactly(WH);
        reservations.fulfil(InventoryEvents.reservationKey(WEB, "4711"));
        Map<String, Long> before = Network.sellableByListing(ledger, GLASSES);

        RefundPayload refund = new RefundPayload("R1", "4711", new Money(259800, "CNY"),
                List.of(new RefundLine("L1", SKU, BigDecimal.valueOf(2), new Money(259800, "CNY"))), "did not fit",
                new FacilityRef(STORE_PS, "People's Square"));
        InventoryOutcome returned = events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.REFUND_ISSUED, null,
                refund, "refund", "R1"));

        assertThat(ledger.atFacility(GLASSES, STORE_PS).orElseThrow().onHand()).isEqualTo(5);
        assertThat(ledger.atFacility(GLASSES, WH).orElseThrow().onHand()).isEqualTo(8);
        // People's Square feeds the web shop and its own till: 5 units split 3/2 (was 2/1), both are told
        assertThat(returned.updates()).extracting(StockLevelUpdate::channelId, StockLevelUpdate::sku)
                .containsExactlyInAnyOrder(tuple(WEB, SKU), tuple(POS_PS, SKU));
        assertThat(Network.sellableByListing(ledger, GLASSES).get(POS_PS)).isEqualTo(before.get(POS_PS) + 1);
        assertThat(Network.sellableByListing(ledger, GLASSES).get(WEB)).isEqualTo(before.get(WEB) + 1);
        Invariants.check(ledger, GLASSES);
    }

    @Test
    void a_refund_without_a_restock_facility_changes_no_stock() {
        RefundPayload refund = new RefundPayload("R2", "4711", new Money(100, "CNY"),
                List.of(new RefundLine("L1", SKU, BigDecimal.ONE, new Money(100, "CNY"))), "goodwill", null);

        assertThat(events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.REFUND_ISSUED, null, refund, "refund", "R2")))
                .isEqualTo(InventoryOutcome.NOTHING);
    }

    @Test
    void a_cancelled_order_releases_its_reservation_and_a_till_sale_leaves_the_stores_shelf() {
        events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.ORDER_PLACED, null,
                order("4712", FulfilmentMode.PICKUP_IN_STORE, new FacilityRef(STORE_PS, null), 2), "order", "4712"));
        assertThat(ledger.atFacility(GLASSES, STORE_PS).orElseThrow().reserved()).isEqualTo(2);

        events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.ORDER_CANCELLED, null,
                order("4712", FulfilmentMode.PICKUP_IN_STORE, new FacilityRef(STORE_PS, null), 2), "order", "4712", "x"));
        assertThat(ledger.atFacility(GLASSES, STORE_PS).orElseThrow().reserved()).isZero();

        events.apply(event(POS_PS, ChannelKind.OFFLINE_DIRECT, EventType.ORDER_PLACED, new FacilityRef(STORE_PS, null),
                order("till-1", FulfilmentMode.IN_STORE, null, 1), "order", "till-1"));
        assertThat(ledger.atFacility(GLASSES, STORE_PS).orElseThrow().onHand()).isEqualTo(2);
    }

    @Test
    void a_stock_adjustment_by_sku_reaches_the_product() {
        InventoryOutcome outcome = events.apply(event(POS_PS, ChannelKind.OFFLINE_DIRECT, EventType.STOCK_ADJUSTED,
                null, new StockAdjustmentPayload(SKU, null, new FacilityRef(STORE_PS, null), StockReason.SALE,
                        new BigDecimal("-2"), null, null), "stock", "s1"));

        assertThat(ledger.atFacility(GLASSES, STORE_PS).orElseThrow().onHand()).isEqualTo(1);
        assertThat(outcome.updates()).isNotEmpty();
        assertThatThrownBy(() -> events.apply(event(POS_PS, ChannelKind.OFFLINE_DIRECT, EventType.STOCK_ADJUSTED,
                null, new StockAdjustmentPayload(SKU, null, new FacilityRef(STORE_PS, null), StockReason.RECEIPT,
                        new BigDecimal("-2"), null, null), "stock", "s2")))
                .hasMessage("stockAdjustment with reason RECEIPT adds stock, but quantityDelta is -2");
        assertThatThrownBy(() -> events.apply(event(POS_PS, ChannelKind.OFFLINE_DIRECT, EventType.STOCK_ADJUSTED,
                null, new StockAdjustmentPayload(SKU, null, new FacilityRef(STORE_PS, null), StockReason.RECEIPT,
                        new BigDecimal("1.5"), null, null), "stock", "s3")))
                .hasMessage("stockAdjustment.quantityDelta must be a whole number of units, was 1.5");
    }

    @Test
    void an_order_whose_address_cannot_be_located_is_refused_by_name() {
        OrderPayload order = new OrderPayload("4713", null, "paid", "CNY",
                List.of(new OrderLine("L1", SKU, null, null, BigDecimal.ONE, new Money(1, "CNY"), null, new Money(1, "CNY"))),
                null, null, null, null, new Money(1, "CNY"), null,
                new Address(null, "Unter den Linden 1", null, "Berlin", null, "10117", "DE", null), FulfilmentMode.SHIP, null, null);

        assertThatThrownBy(() -> events.apply(event(WEB, ChannelKind.OWN_ECOMMERCE, EventType.ORDER_PLACED, null, order,
                "order", "4713")))
                .hasMessage("order 4713: the shipping address in Berlin could not be located, so the order cannot be routed");
    }
}
