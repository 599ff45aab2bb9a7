package org.omnichannel.core.inventory;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.omnichannel.core.inventory.Network.*;

class StockLedgerPublishingTest {

    private static final String GLASSES = "GL-AVIATOR-BLK";

    private final StockLedger ledger = Network.ledger();

    private List<StockLevelUpdate> stock(long wh, long ps, long ljz, long xjh, long franchise) {
        return ledger.loadAll(new ListedFacts(List.of(
                fact(WH, wh), fact(STORE_PS, ps), fact(STORE_LJZ, ljz), fact(STORE_XJH, xjh), fact(FRANCHISE, franchise))));
    }

    private static StockFact fact(String facility, long units) {
        return new StockFact(GLASSES, "SKU-" + GLASSES, facility, BigDecimal.valueOf(units), BigDecimal.valueOf(units), null);
    }

    @Test
    void the_first_load_publishes_every_channel_its_share_net_of_safety_stock() {
        List<StockLevelUpdate> updates = stock(10, 3, 2, 4, 5);

        // WH 10 splits 5/5 between web and tmall (tmall holds 1 back); PS 3 splits 2/1, the odd unit to
        // the web shop's higher priority; LJZ feeds only the web shop; XJH and the franchise feed their tills.
        assertThat(updates).extracting(StockLevelUpdate::channelId, StockLevelUpdate::sku, StockLevelUpdate::locationId,
                        StockLevelUpdate::availableToSell)
                .containsExactlyInAnyOrder(
                        tuple(WEB, "SKU-" + GLASSES, null, BigDecimal.valueOf(9)),
                        tuple(TMALL, "SKU-" + GLASSES, null, BigDecimal.valueOf(4)),
                        tuple(POS_PS, "SKU-" + GLASSES, null, BigDecimal.ONE),
                        tuple(POS_XJH, "SKU-" + GLASSES, null, BigDecimal.valueOf(4)),
                        tuple(POS_FRANCHISE, "SKU-" + GLASSES, null, BigDecimal.valueOf(5)));
        Invariants.check(ledger, GLASSES);
        assertThat(ledger.allocationOf(GLASSES).totalSellable()).isEqualTo(23);
    }

    @Test
    void a_receipt_at_one_store_publishes_only_the_channels_that_store_feeds() {
        stock(10, 3, 2, 4, 5);

        List<StockLevelUpdate> updates = ledger.apply(new StockChange(GLASSES, STORE_LJZ, StockReason.RECEIPT, 2));

        assertThat(updates).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactly(tuple(WEB, BigDecimal.valueOf(11)));
    }

    @Test
    void a_till_sale_in_a_store_not_offered_online_changes_only_its_till() {
        stock(10, 3, 2, 4, 5);

        List<StockLevelUpdate> updates = ledger.apply(new StockChange(GLASSES, STORE_XJH, StockReason.SALE, 1));

        assertThat(updates).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactly(tuple(POS_XJH, BigDecimal.valueOf(3)));
    }

    @Test
    void nothing_is_published_when_no_channel_figure_changes() {
        stock(10, 3, 2, 4, 5);

        assertThat(ledger.apply(new StockChange(GLASSES, STORE_LJZ, StockReason.COUNT, 2))).isEmpty();
        assertThat(ledger.apply(new StockChange(GLASSES, WH, StockReason.RECEIPT, 0))).isEmpty();
        assertThat(stock(10, 3, 2, 4, 5)).isEmpty();
    }

    @Test
    void damage_in_the_warehouse_shrinks_both_channels_it_feeds_and_the_sum_still_fits() {
        stock(10, 3, 2, 4, 5);

        List<StockLevelUpdate> updates = ledger.apply(new StockChange(GLASSES, WH, StockReason.DAMAGE, 7));

        // WH 3 left: web 2 (priority), tmall 1 - 1 safety = 0
        assertThat(updates).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactlyInAnyOrder(tuple(WEB, BigDecimal.valueOf(6)), tuple(TMALL, BigDecimal.ZERO));
        Invariants.check(ledger, GLASSES);
    }

    @Test
    void a_reservation_made_in_ofbiz_counts_against_every_channel() {
        stock(10, 3, 2, 4, 5);

        ledger.apply(new StockChange(GLASSES, WH, StockReason.RESERVATION, 10));

        assertThat(Network.sellableByListing(ledger, GLASSES)).containsAllEntriesOf(Map.of(WEB, 4L, TMALL, 0L));
        assertThat(ledger.atFacility(GLASSES, WH)).get().extracting(FacilityStock::onHand, FacilityStock::reserved,
                FacilityStock::availableToPromise).containsExactly(10L, 10L, 0L);
    }

    @Test
    void a_cap_hands_what_the_channel_cannot_take_to_the_others() {
        StockLedger capped = new StockLedger(AllocationRules.of(facilities(), List.of(
                ChannelRule.of(TMALL, org.omnichannel.core.event.ChannelKind.MARKETPLACE, WH).withCap(2L),
                ChannelRule.of(WEB, org.omnichannel.core.event.ChannelKind.OWN_ECOMMERCE, WH))));
        capped.load(new StockFact(GLASSES, null, WH, BigDecimal.TEN, BigDecimal.TEN, null));

        assertThat(Network.sellableByListing(capped, GLASSES)).isEqualTo(Map.of(TMALL, 2L, WEB, 8L));
        Invariants.check(capped, GLASSES);
    }

    @Test
    void percent_safety_stock_rounds_up_what_it_holds_back() {
        StockLedger safe = new StockLedger(AllocationRules.of(facilities(), List.of(
                ChannelRule.of(TMALL, org.omnichannel.core.event.ChannelKind.MARKETPLACE, WH).withSafetyStock(1, 10))));
        safe.load(new StockFact(GLASSES, null, WH, BigDecimal.valueOf(21), BigDecimal.valueOf(21), null));

        // 21 - 1 - ceil(2.1) = 17
        assertThat(safe.availableToSell(GLASSES, TMALL)).isEqualTo(17);
    }

    @Test
    void a_fractional_ofbiz_figure_is_rounded_down_and_reserved_stock_is_not_sold() {
        ledger.load(new StockFact(GLASSES, null, STORE_LJZ, new BigDecimal("5.5"), new BigDecimal("3.5"), BigDecimal.ONE));

        assertThat(ledger.atFacility(GLASSES, STORE_LJZ)).get().extracting(FacilityStock::onHand, FacilityStock::reserved,
                FacilityStock::availableToPromise, FacilityStock::inTransit).containsExactly(5L, 2L, 3L, 1L);
        assertThat(ledger.availableToSell(GLASSES, WEB)).isEqualTo(3);
    }

    @Test
    void reloading_one_product_takes_ofbizs_figures_and_empties_facilities_it_no_longer_reports() {
        stock(10, 3, 2, 4, 5);

        List<StockLevelUpdate> updates = ledger.reload(GLASSES, new ListedFacts(List.of(
                new StockFact(GLASSES, "SKU-" + GLASSES, WH, BigDecimal.valueOf(8), BigDecimal.valueOf(6), null))));

        assertThat(ledger.everywhere(GLASSES)).extracting(FacilityStock::facilityId, FacilityStock::onHand, FacilityStock::reserved)
                .containsExactly(tuple(WH, 8L, 2L));
        // web 3, tmall 3 - 1; every till empty; decreases listed before increases
        assertThat(updates).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactlyInAnyOrder(tuple(WEB, BigDecimal.valueOf(3)), tuple(TMALL, BigDecimal.valueOf(2)),
                        tuple(POS_PS, BigDecimal.ZERO), tuple(POS_XJH, BigDecimal.ZERO), tuple(POS_FRANCHISE, BigDecimal.ZERO));
        Invariants.check(ledger, GLASSES);
    }

    @Test
    void a_transfer_leaves_the_source_at_once_and_sells_at_the_target_only_once_received() {
        stock(10, 3, 2, 4, 5);

        ledger.transfer(GLASSES, WH, STORE_LJZ, 4);
        assertThat(ledger.atFacility(GLASSES, STORE_LJZ)).get().extracting(FacilityStock::availableToPromise,
                FacilityStock::inTransit).containsExactly(2L, 4L);
        assertThat(ledger.availableToSell(GLASSES, TMALL)).isEqualTo(2);

        ledger.apply(new StockChange(GLASSES, STORE_LJZ, StockReason.TRANSFER_IN, 4));
        assertThat(ledger.atFacility(GLASSES, STORE_LJZ)).get().extracting(FacilityStock::availableToPromise,
                FacilityStock::inTransit).containsExactly(6L, 0L);
        Invariants.check(ledger, GLASSES);
    }
}
