package org.omnichannel.core.inventory;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.fan.insight.InventoryStockLookup;
import org.omnichannel.core.fan.insight.StockLookup;
import org.omnichannel.core.fan.insight.StockSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.omnichannel.core.inventory.Network.*;

/** Next-best-action's stock questions answered by the live inventory view. */
class InventoryStockLookupTest {

    private static final String GLASSES = "GL-AVIATOR-BLK";

    private final StockLedger ledger = Network.ledger();
    private final StockLookup lookup = new InventoryStockLookup(ledger, ledger.rules(), 10);

    InventoryStockLookupTest() {
        ledger.loadAll(new ListedFacts(List.of(
                new StockFact(GLASSES, null, WH, BigDecimal.valueOf(10), BigDecimal.valueOf(10), null),
                new StockFact(GLASSES, null, STORE_PS, BigDecimal.valueOf(3), BigDecimal.valueOf(1), null),
                new StockFact(GLASSES, null, STORE_LJZ, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.valueOf(4)),
                new StockFact(GLASSES, null, FRANCHISE, BigDecimal.valueOf(2), BigDecimal.valueOf(2), null))));
    }

    @Test
    void a_store_with_an_empty_shelf_has_nothing_available_even_with_stock_on_the_way() {
        assertThat(lookup.availableAt(GLASSES, STORE_LJZ)).isEqualByComparingTo("0");
        assertThat(lookup.availableAt(GLASSES, STORE_PS)).isEqualByComparingTo("1");
        assertThat(lookup.availableAt(GLASSES, "NO-SUCH-STORE")).isEqualByComparingTo("0");
    }

    @Test
    void alternatives_are_the_online_channels_that_may_sell_it_then_the_nearby_stores_nearest_first() {
        List<StockSource> sources = lookup.alternatives(GLASSES, STORE_LJZ);

        long web = ledger.availableToSell(GLASSES, WEB);
        long tmall = ledger.availableToSell(GLASSES, TMALL);
        assertThat(web).isPositive();
        assertThat(tmall).isPositive();
        List<StockSource> online = sources.stream().filter(s -> s.facilityId() == null).toList();
        assertThat(online).extracting(StockSource::channelId, StockSource::channelKind)
                .containsExactlyInAnyOrder(tuple(WEB, ChannelKind.OWN_ECOMMERCE), tuple(TMALL, ChannelKind.MARKETPLACE));
        assertThat(online).allSatisfy(s -> assertThat(s.available().longValueExact())
                .isEqualTo(s.channelId().equals(WEB) ? web : tmall));
        assertThat(online.get(0).available()).isGreaterThanOrEqualTo(online.get(1).available());

        assertThat(sources.stream().filter(s -> s.facilityId() != null).toList())
                .extracting(StockSource::facilityId, StockSource::channelId, StockSource::channelKind, StockSource::available)
                .containsExactly(tuple(STORE_PS, POS_PS, ChannelKind.OFFLINE_DIRECT, BigDecimal.valueOf(1)),
                        tuple(FRANCHISE, POS_FRANCHISE, ChannelKind.OFFLINE_FRANCHISE, BigDecimal.valueOf(2)));
    }

    @Test
    void the_asking_store_is_never_its_own_alternative_and_an_unknown_product_has_none() {
        assertThat(lookup.alternatives(GLASSES, STORE_PS)).extracting(StockSource::facilityId).doesNotContain(STORE_PS);
        assertThat(lookup.alternatives("UNKNOWN", STORE_LJZ)).isEmpty();
    }

    @Test
    void refuses_a_negative_radius() {
        assertThatThrownBy(() -> new InventoryStockLookup(ledger, ledger.rules(), -1))
                .hasMessageContaining("radiusKm must not be negative");
    }
}
