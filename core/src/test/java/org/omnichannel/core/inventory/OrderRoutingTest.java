package org.omnichannel.core.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.FulfilmentMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.omnichannel.core.inventory.Network.*;

class OrderRoutingTest {

    private static final String GLASSES = "GL-AVIATOR-BLK";
    private static final String CASE = "CASE-LEATHER";

    private StockLedger ledger;
    private OrderReservations orders;

    @BeforeEach
    void stockTheNetwork() {
        ledger = Network.ledger();
        orders = new OrderReservations(ledger, RoutingCosts.DEFAULT);
        List<StockFact> facts = new ArrayList<>();
        facts.addAll(facts(GLASSES, Map.of(WH, 10L, STORE_PS, 3L, STORE_LJZ, 2L, STORE_XJH, 4L, FRANCHISE, 5L)));
        facts.addAll(facts(CASE, Map.of(STORE_PS, 1L, STORE_LJZ, 1L, FRANCHISE, 3L)));
        ledger.loadAll(new ListedFacts(facts));
    }

    private static List<StockFact> facts(String product, Map<String, Long> units) {
        List<StockFact> out = new ArrayList<>();
        units.forEach((facility, q) -> out.add(new StockFact(product, null, facility, BigDecimal.valueOf(q), BigDecimal.valueOf(q), null)));
        return out;
    }

    private long atp(String product, String facility) {
        return ledger.atFacility(product, facility).orElseThrow().availableToPromise();
    }

    private static RequestedLine line(String id, String product, long quantity) {
        return new RequestedLine(id, product, quantity);
    }

    @Test
    void the_warehouse_ships_what_it_holds_and_spares_the_stores() {
        Reserved reserved = (Reserved) orders.reserve(OrderRequest.ship("o-1", WEB, LUJIAZUI, line("L1", GLASSES, 2)));

        assertThat(reserved.plan().shipments()).extracting(Shipment::facilityId).containsExactly(WH);
        assertThat(reserved.plan().reasons()).containsExactly("one facility holds every line: the cheapest single shipment");
        assertThat(atp(GLASSES, WH)).isEqualTo(8);
        assertThat(atp(GLASSES, STORE_LJZ)).isEqualTo(2);
    }

    @Test
    void the_nearest_store_ships_what_the_warehouse_lacks() {
        Reserved reserved = (Reserved) orders.reserve(OrderRequest.ship("o-2", WEB, LUJIAZUI, line("L1", CASE, 1)));

        Shipment shipment = reserved.plan().shipments().get(0);
        assertThat(shipment.facilityId()).isEqualTo(STORE_LJZ);
        assertThat(shipment.reasons().get(0)).startsWith("ship-from-store, 0.0 km to the fan");
        assertThat(atp(CASE, STORE_LJZ)).isZero();
        assertThat(atp(CASE, STORE_PS)).isEqualTo(1);
    }

    @Test
    void a_pick_up_order_takes_the_pick_up_stores_own_stock_without_a_parcel() {
        Reserved reserved = (Reserved) orders.reserve(OrderRequest.pickUp("o-3", WEB, STORE_PS, line("L1", GLASSES, 2)));

        assertThat(reserved.plan().shipments()).singleElement().satisfies(s -> {
            assertThat(s.facilityId()).isEqualTo(STORE_PS);
            assertThat(s.cost()).isZero();
            assertThat(s.reasons()).contains("the pick-up store's own stock: nothing to ship");
        });
        assertThat(reserved.plan().reasons()).containsExactly("the pick-up store holds every line");
        assertThat(atp(GLASSES, STORE_PS)).isEqualTo(1);
    }

    @Test
    void a_split_order_uses_the_fewest_parcels_that_cover_every_line() {
        Reserved reserved = (Reserved) orders.reserve(OrderRequest.ship("o-4", WEB, PEOPLES_SQUARE,
                line("L1", GLASSES, 2), line("L2", CASE, 2)));

        // no facility holds two cases: People's Square sends glasses and a case, Lujiazui the other case
        assertThat(reserved.plan().isSplit()).isTrue();
        assertThat(reserved.plan().shipments()).extracting(Shipment::facilityId).containsExactly(STORE_PS, STORE_LJZ);
        assertThat(reserved.plan().shipments().get(0).picks()).extracting(Pick::lineId, Pick::quantity)
                .containsExactly(tuple("L1", 2L), tuple("L2", 1L));
        assertThat(reserved.plan().reasons()).containsExactly("no facility holds every line: split into 2 shipments");
        assertThat(atp(CASE, STORE_PS)).isZero();
        assertThat(atp(CASE, STORE_LJZ)).isZero();
        assertThat(atp(GLASSES, WH)).isEqualTo(10);
    }

    @Test
    void a_pick_up_store_short_of_a_line_receives_the_rest_from_another_store() {
        Reserved reserved = (Reserved) orders.reserve(OrderRequest.pickUp("o-5", WEB, STORE_LJZ, line("L1", CASE, 2)));

        assertThat(reserved.plan().shipments()).extracting(Shipment::facilityId, Shipment::units)
                .containsExactly(tuple(STORE_LJZ, 1L), tuple(STORE_PS, 1L));
        assertThat(reserved.plan().shipments().get(1).reasons().get(0))
                .startsWith("ship-from-store to the pick-up store STORE-LUJIAZUI");
    }

    @Test
    void nothing_in_stock_is_a_clear_refusal_and_reserves_no_line() {
        ReservationResult result = orders.reserve(OrderRequest.ship("o-6", WEB, PEOPLES_SQUARE,
                line("L1", GLASSES, 1), line("L2", CASE, 5)));

        assertThat(result).isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) result;
        assertThat(refusal.reason()).isEqualTo("channel 'web-cn' may not sell that much now: CASE-LEATHER asked 5, available 2");
        assertThat(refusal.shortfalls()).containsExactly(new Shortfall(CASE, 5, 2));
        assertThat(atp(GLASSES, WH) + atp(GLASSES, STORE_PS) + atp(GLASSES, STORE_LJZ)).isEqualTo(15);
        assertThat(orders.planOf("o-6")).isEmpty();

        Refusal unknown = (Refusal) orders.reserve(OrderRequest.ship("o-7", WEB, PEOPLES_SQUARE,
                line("L1", GLASSES, 1), line("L2", "NO-SUCH-SKU", 1)));
        assertThat(unknown.reason()).isEqualTo("no stock anywhere: NO-SUCH-SKU asked 1, available 0");
        assertThat(atp(GLASSES, WH)).isEqualTo(10);
    }

    @Test
    void a_franchise_store_that_does_not_share_is_never_routed_for_another_channel() {
        // the fan lives next to the franchise store, which holds three cases; the web shop may not use them
        Reserved shipped = (Reserved) orders.reserve(OrderRequest.ship("o-8", WEB, JINGAN, line("L1", CASE, 1)));
        assertThat(shipped.plan().shipments()).extracting(Shipment::facilityId).doesNotContain(FRANCHISE);

        // picked up at the franchise store: the case is sent there, the store's own stock is untouched
        Reserved pickup = (Reserved) orders.reserve(OrderRequest.pickUp("o-9", WEB, FRANCHISE, line("L1", GLASSES, 1)));
        assertThat(pickup.plan().shipments()).extracting(Shipment::facilityId).containsExactly(WH);
        assertThat(atp(GLASSES, FRANCHISE)).isEqualTo(5);

        // its own till's channel may reserve it
        Reserved own = (Reserved) orders.reserve(OrderRequest.pickUp("o-10", POS_FRANCHISE, FRANCHISE, line("L1", CASE, 3)));
        assertThat(own.plan().shipments()).extracting(Shipment::facilityId).containsExactly(FRANCHISE);
        assertThat(atp(CASE, FRANCHISE)).isZero();

        // one case left for the web shop, in an own store; the franchise's (now reserved) cases never counted
        Refusal more = (Refusal) orders.reserve(OrderRequest.ship("o-11", WEB, JINGAN, line("L1", CASE, 2)));
        assertThat(more.shortfalls()).containsExactly(new Shortfall(CASE, 2, 1));
    }

    @Test
    void a_channel_cannot_sell_more_than_it_was_allotted_even_if_the_warehouse_has_it() {
        Refusal refusal = (Refusal) orders.reserve(OrderRequest.ship("o-12", TMALL, BEIJING, line("L1", GLASSES, 5)));

        assertThat(refusal.reason()).isEqualTo("channel 'tmall' may not sell that much now: GL-AVIATOR-BLK asked 5, available 4");
        assertThat(atp(GLASSES, WH)).isEqualTo(10);
    }

    @Test
    void a_reservation_republishes_the_channels_and_a_redelivered_order_is_reserved_once() {
        Reserved first = (Reserved) orders.reserve(OrderRequest.ship("o-13", TMALL, BEIJING, line("L1", GLASSES, 4)));
        // WH 6 left: web 3, tmall 3 - 1 safety
        assertThat(first.updates()).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactlyInAnyOrder(tuple(WEB, BigDecimal.valueOf(7)), tuple(TMALL, BigDecimal.valueOf(2)));

        Reserved again = (Reserved) orders.reserve(OrderRequest.ship("o-13", TMALL, BEIJING, line("L1", GLASSES, 4)));
        assertThat(again.repeated()).isTrue();
        assertThat(again.plan()).isEqualTo(first.plan());
        assertThat(again.updates()).isEmpty();
        assertThat(atp(GLASSES, WH)).isEqualTo(6);
    }

    @Test
    void cancelling_frees_the_units_and_shipping_takes_them_off_the_shelf() {
        orders.reserve(OrderRequest.ship("o-14", WEB, LUJIAZUI, line("L1", GLASSES, 2)));
        orders.reserve(OrderRequest.ship("o-15", WEB, LUJIAZUI, line("L1", GLASSES, 3)));

        List<StockLevelUpdate> released = orders.release("o-14");
        assertThat(released).isNotEmpty();
        assertThat(ledger.atFacility(GLASSES, WH).orElseThrow()).extracting(FacilityStock::onHand, FacilityStock::reserved)
                .containsExactly(10L, 3L);

        assertThat(orders.fulfil("o-15")).isEmpty();
        assertThat(ledger.atFacility(GLASSES, WH).orElseThrow()).extracting(FacilityStock::onHand, FacilityStock::reserved)
                .containsExactly(7L, 0L);
        assertThat(orders.release("o-15")).isEmpty();
    }

    @Test
    void a_store_keeps_its_walk_in_reserve_when_another_store_is_as_close() {
        GeoPoint between = new GeoPoint(31.2350, 121.4867);    // halfway between People's Square and Lujiazui
        StockLedger reserveLedger = new StockLedger(AllocationRules.of(List.of(
                Facility.shared(STORE_PS, FacilityKind.OWN_STORE, PEOPLES_SQUARE).withWalkInReserve(2),
                Facility.shared(STORE_LJZ, FacilityKind.OWN_STORE, LUJIAZUI)),
                List.of(ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, STORE_PS, STORE_LJZ))));
        reserveLedger.loadAll(new ListedFacts(List.of(
                new StockFact(GLASSES, null, STORE_PS, BigDecimal.valueOf(2), BigDecimal.valueOf(2), null),
                new StockFact(GLASSES, null, STORE_LJZ, BigDecimal.valueOf(2), BigDecimal.valueOf(2), null))));

        Reserved reserved = (Reserved) new OrderReservations(reserveLedger, RoutingCosts.DEFAULT)
                .reserve(OrderRequest.ship("o-16", WEB, between, line("L1", GLASSES, 1)));

        assertThat(reserved.plan().shipments()).extracting(Shipment::facilityId).containsExactly(STORE_LJZ);
    }

    @Test
    void a_digital_order_reserves_no_stock() {
        Reserved reserved = (Reserved) orders.reserve(new OrderRequest("o-21", WEB, FulfilmentMode.DIGITAL, null, null,
                List.of(line("L1", GLASSES, 1))));

        assertThat(reserved.plan().shipments()).isEmpty();
        assertThat(reserved.plan().reasons()).containsExactly("nothing physical to deliver: no stock reserved");
        assertThat(atp(GLASSES, WH)).isEqualTo(10);
    }

    @Test
    void bad_orders_are_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> OrderRequest.ship("o-17", WEB, null, line("L1", GLASSES, 1)))
                .hasMessage("order o-17 ships but has no destination: geocode its shipping address");
        assertThatThrownBy(() -> orders.reserve(OrderRequest.pickUp("o-18", WEB, WH, line("L1", GLASSES, 1))))
                .hasMessage("order o-18 is to be picked up at 'WH-SONGJIANG', which is a WAREHOUSE, not a store");
        assertThatThrownBy(() -> orders.reserve(new OrderRequest("o-19", WEB, FulfilmentMode.IN_STORE, null, null,
                List.of(line("L1", GLASSES, 1)))))
                .hasMessageContaining("was sold at the till: apply it as a SALE stock change");
        assertThatThrownBy(() -> orders.reserve(OrderRequest.ship("o-20", "nosuch", LUJIAZUI, line("L1", GLASSES, 1))))
                .hasMessage("channel 'nosuch' has no allocation rule: add one");
        assertThatThrownBy(() -> line("L1", GLASSES, 0)).hasMessage("line L1 quantity must be positive, was 0");
    }
}
