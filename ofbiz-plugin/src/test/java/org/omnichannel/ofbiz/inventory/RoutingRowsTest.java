package org.omnichannel.ofbiz.inventory;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.GeoPoint;
import org.omnichannel.core.inventory.OrderRequest;
import org.omnichannel.core.inventory.OrderReservations;
import org.omnichannel.core.inventory.RequestedLine;
import org.omnichannel.core.inventory.RoutingCosts;
import org.omnichannel.core.inventory.StockFact;
import org.omnichannel.core.inventory.StockLedger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** routeOmniOrder's answer: core's plan or refusal as plain maps. */
class RoutingRowsTest {

    private static StockLedger ledger() {
        StockLedger ledger = new StockLedger(AllocationRules.of(List.of(
                StockRows.facility("WebStoreWarehouse", "WAREHOUSE", new BigDecimal("31.0"), new BigDecimal("121.0"), null),
                StockRows.facility("OMNI_STORE_SH", "RETAIL_STORE", new BigDecimal("31.2304"), new BigDecimal("121.4737"), null)),
                List.of(StockRows.channelRule("shop-web", ChannelKind.OWN_ECOMMERCE, List.of("WebStoreWarehouse", "OMNI_STORE_SH"),
                        Map.of()).orElseThrow())));
        ledger.load(new StockFact("GZ-2644", null, "OMNI_STORE_SH", new BigDecimal("3"), new BigDecimal("3"), null));
        ledger.load(new StockFact("GZ-1000", null, "WebStoreWarehouse", new BigDecimal("5"), new BigDecimal("5"), null));
        return ledger;
    }

    @Test
    void an_order_no_single_facility_holds_is_split_and_each_parcel_says_where_from() {
        OrderRequest order = OrderRequest.ship("O-1", "shop-web", new GeoPoint(31.23, 121.47),
                new RequestedLine("1", "GZ-2644", 1), new RequestedLine("2", "GZ-1000", 2));
        Map<String, Object> answer = RoutingRows.answer(new OrderReservations(ledger(), RoutingCosts.DEFAULT).reserve(order));
        assertThat(answer).containsEntry("split", "Y").doesNotContainKey("refusal");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shipments = (List<Map<String, Object>>) answer.get("shipments");
        assertThat(shipments).extracting(s -> s.get("facilityId")).containsExactlyInAnyOrder("OMNI_STORE_SH", "WebStoreWarehouse");
        assertThat(shipments).allSatisfy(s -> assertThat((List<?>) s.get("reasons")).isNotEmpty());
        assertThat((List<?>) answer.get("reasons")).isNotEmpty();
    }

    @Test
    void an_order_beyond_the_stock_is_refused_with_its_shortfalls() {
        OrderRequest order = OrderRequest.ship("O-2", "shop-web", new GeoPoint(31.23, 121.47), new RequestedLine("1", "GZ-2644", 9));
        Map<String, Object> answer = RoutingRows.answer(new OrderReservations(ledger(), RoutingCosts.DEFAULT).reserve(order));
        assertThat((String) answer.get("refusal")).contains("GZ-2644");
        assertThat(answer.get("shortfalls")).isEqualTo(List.of(Map.of("productId", "GZ-2644", "requested", 9L, "available", 3L)));
        assertThat(answer).doesNotContainKey("shipments");
    }
}
