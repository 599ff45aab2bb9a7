package org.omnichannel.core.inventory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.omnichannel.core.inventory.Network.*;

class StockAvailabilityTest {

    private static final String GLASSES = "GL-AVIATOR-BLK";

    private final StockLedger ledger = Network.ledger();
    private final StockAvailability availability = ledger;

    StockAvailabilityTest() {
        ledger.loadAll(new ListedFacts(List.of(
                new StockFact(GLASSES, null, WH, BigDecimal.valueOf(10), BigDecimal.valueOf(10), null),
                new StockFact(GLASSES, null, STORE_PS, BigDecimal.valueOf(3), BigDecimal.valueOf(1), null),
                new StockFact(GLASSES, null, STORE_LJZ, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.valueOf(4)),
                new StockFact(GLASSES, null, FRANCHISE, BigDecimal.valueOf(2), BigDecimal.valueOf(2), null))));
    }

    @Test
    void answers_whether_a_product_can_be_promised_at_a_facility() {
        assertThat(availability.isAvailableAt(GLASSES, STORE_PS, 1)).isTrue();
        assertThat(availability.isAvailableAt(GLASSES, STORE_PS, 2)).isFalse();   // two of three are reserved
        assertThat(availability.isAvailableAt(GLASSES, STORE_LJZ, 1)).isFalse();  // four on the way, none there
        assertThat(availability.isAvailableAt("UNKNOWN", STORE_PS, 1)).isFalse();
    }

    @Test
    void answers_what_a_channel_may_sell() {
        assertThat(availability.availableToSell(GLASSES, TMALL)).isEqualTo(4);
        assertThat(availability.isAvailableOn(GLASSES, WEB, 6)).isTrue();
        assertThat(availability.isAvailableOn(GLASSES, POS_XJH, 1)).isFalse();
        assertThat(availability.availableToSell("UNKNOWN", WEB)).isZero();
    }

    @Test
    void lists_nearby_stores_with_stock_nearest_first_and_says_which_keep_it_to_themselves() {
        List<NearbyStock> near = availability.nearbyStores(GLASSES, LUJIAZUI, 10, 1);

        assertThat(near).extracting(NearbyStock::facilityId, NearbyStock::availableToPromise, NearbyStock::sharesWithChannels)
                .containsExactly(tuple(STORE_PS, 1L, true), tuple(FRANCHISE, 2L, false));
        assertThat(near.get(0).distanceKm()).isBetween(2.0, 3.0);
        assertThat(availability.nearbyStores(GLASSES, LUJIAZUI, 10, 2)).extracting(NearbyStock::facilityId)
                .containsExactly(FRANCHISE);
        assertThat(availability.nearbyStores(GLASSES, BEIJING, 50, 1)).isEmpty();
    }

    @Test
    void shows_one_product_everywhere_it_is_or_is_expected() {
        assertThat(availability.everywhere(GLASSES)).extracting(FacilityStock::facilityId, FacilityStock::onHand,
                        FacilityStock::reserved, FacilityStock::inTransit)
                .containsExactly(tuple(WH, 10L, 0L, 0L), tuple(STORE_PS, 3L, 2L, 0L), tuple(STORE_LJZ, 0L, 0L, 4L),
                        tuple(FRANCHISE, 2L, 0L, 0L));
    }
}
