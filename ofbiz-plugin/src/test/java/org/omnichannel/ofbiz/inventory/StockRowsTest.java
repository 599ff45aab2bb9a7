package org.omnichannel.ofbiz.inventory;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.inventory.AllocationRules;
import org.omnichannel.core.inventory.ChannelRule;
import org.omnichannel.core.inventory.Facility;
import org.omnichannel.core.inventory.FacilityKind;
import org.omnichannel.core.inventory.StockFact;
import org.omnichannel.core.inventory.StockLedger;
import org.omnichannel.core.inventory.StockSharing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OFBiz rows to core's inventory model: facilities, channel rules, InventoryItem sums. */
class StockRowsTest {

    @Test
    void inventory_items_are_summed_per_product_and_facility_with_the_sku() {
        List<StockFact> facts = StockRows.facts(List.of(
                new StockRows.Item("GZ-2644", "WebStoreWarehouse", new BigDecimal("2"), new BigDecimal("2")),
                new StockRows.Item("GZ-2644", "WebStoreWarehouse", new BigDecimal("500"), new BigDecimal("480")),
                new StockRows.Item("GZ-2644", "OMNI_STORE_SH", null, null),
                new StockRows.Item("GZ-1000", "WebStoreWarehouse", new BigDecimal("3.5"), new BigDecimal("1"))),
                Map.of("GZ-2644", "SKU-2644"));
        assertThat(facts).containsExactly(
                new StockFact("GZ-2644", "SKU-2644", "WebStoreWarehouse", new BigDecimal("502"), new BigDecimal("482"), null),
                new StockFact("GZ-2644", "SKU-2644", "OMNI_STORE_SH", BigDecimal.ZERO, BigDecimal.ZERO, null),
                new StockFact("GZ-1000", null, "WebStoreWarehouse", new BigDecimal("3.5"), new BigDecimal("1"), null));
    }

    @Test
    void a_retail_store_is_a_store_a_franchise_store_sells_to_its_own_till_only_and_anything_else_is_a_warehouse() {
        Facility own = StockRows.facility("OMNI_STORE_SH", "RETAIL_STORE", new BigDecimal("31.2304"), new BigDecimal("121.4737"), null);
        assertThat(own.kind()).isEqualTo(FacilityKind.OWN_STORE);
        assertThat(own.location().latitude()).isEqualTo(31.2304);
        Facility franchise = StockRows.facility("OMNI_STORE_BJ", "RETAIL_STORE", null, null, "franchise-bj");
        assertThat(franchise.kind()).isEqualTo(FacilityKind.FRANCHISE_STORE);
        assertThat(franchise.sharing()).isEqualTo(StockSharing.OWNER_CHANNEL_ONLY);
        assertThat(franchise.sellableBy("shop-web", ChannelKind.OWN_ECOMMERCE)).isFalse();
        assertThat(franchise.location()).as("no GeoPoint").isEqualTo(StockRows.NOWHERE);
        assertThat(StockRows.facility("WebStoreWarehouse", "WAREHOUSE", null, null, null).kind()).isEqualTo(FacilityKind.WAREHOUSE);
    }

    @Test
    void the_demo_allocation_gives_tmall_a_weighted_share_less_its_safety_stock_and_never_promises_a_unit_twice() {
        ChannelRule tmall = StockRows.channelRule("tmall", ChannelKind.MARKETPLACE, List.of("WebStoreWarehouse"),
                Map.of("allocationPercent", new BigDecimal("30"), "safetyStock", new BigDecimal("2"))).orElseThrow();
        ChannelRule web = StockRows.channelRule("shop-web", ChannelKind.OWN_ECOMMERCE, List.of("WebStoreWarehouse"),
                Map.of("allocationPercent", new BigDecimal("100"), "safetyStock", BigDecimal.ZERO)).orElseThrow();
        assertThat(tmall.weight()).isEqualTo(30);
        assertThat(tmall.safetyStock().units()).isEqualTo(2);
        StockLedger ledger = new StockLedger(AllocationRules.of(
                List.of(StockRows.facility("WebStoreWarehouse", "WAREHOUSE", null, null, null)), List.of(tmall, web)));
        ledger.load(new StockFact("GZ-2644", null, "WebStoreWarehouse", new BigDecimal("130"), new BigDecimal("130"), null));
        assertThat(ledger.availableToSell("GZ-2644", "tmall")).isEqualTo(30 - 2);
        assertThat(ledger.availableToSell("GZ-2644", "shop-web")).isEqualTo(100);
    }

    @Test
    void a_channel_with_weight_zero_or_no_facility_sells_no_stock_and_an_impossible_weight_is_refused_by_name() {
        assertThat(StockRows.channelRule("wechat", ChannelKind.SOCIAL, List.of("WebStoreWarehouse"),
                Map.of("allocationPercent", BigDecimal.ZERO))).isEmpty();
        assertThat(StockRows.channelRule("wechat", ChannelKind.SOCIAL, List.of(), Map.of())).isEmpty();
        ChannelRule plain = StockRows.channelRule("store-sh", ChannelKind.OFFLINE_DIRECT, List.of("OMNI_STORE_SH"), Map.of()).orElseThrow();
        assertThat(plain.weight()).isEqualTo(1);
        assertThat(plain.cap()).isNull();
        ChannelRule full = StockRows.channelRule("douyin", ChannelKind.SOCIAL, List.of("WebStoreWarehouse"),
                Map.of("allocationPercent", new BigDecimal("10"), "safetyPercent", 5L, "capQuantity", 20L, "allocPriority", 2L,
                        "exclusivePool", "Y")).orElseThrow();
        assertThat(full.cap()).isEqualTo(20L);
        assertThat(full.priority()).isEqualTo(2);
        assertThat(full.exclusive()).isTrue();
        assertThat(full.safetyStock().percent()).isEqualTo(5);
        assertThatThrownBy(() -> StockRows.channelRule("tmall", ChannelKind.MARKETPLACE, List.of("W"),
                Map.of("allocationPercent", new BigDecimal("5000")))).hasMessageContaining("tmall").hasMessageContaining("1 to 1000");
    }

    @Test
    void the_demo_channels_make_valid_rules_and_the_franchise_store_feeds_its_own_till_only() {
        List<String> store9000 = List.of("WebStoreWarehouse", "RegionalWarehouse1", "StoreWarehouse1");
        List<Facility> facilities = List.of(
                StockRows.facility("OMNI_STORE_SH", "RETAIL_STORE", null, null, null),
                StockRows.facility("OMNI_STORE_BJ", "RETAIL_STORE", null, null, "franchise-bj"),
                StockRows.facility("WebStoreWarehouse", "WAREHOUSE", null, null, null),
                StockRows.facility("RegionalWarehouse1", "WAREHOUSE", null, null, null),
                StockRows.facility("StoreWarehouse1", "WAREHOUSE", null, null, null));
        AllocationRules rules = StockRows.rules(facilities, List.of(
                new StockRows.Channel("store-sh", ChannelKind.OFFLINE_DIRECT, List.of("OMNI_STORE_SH")),
                new StockRows.Channel("franchise-bj", ChannelKind.OFFLINE_FRANCHISE, List.of("OMNI_STORE_BJ")),
                new StockRows.Channel("shop-web", ChannelKind.OWN_ECOMMERCE, store9000),
                new StockRows.Channel("tmall", ChannelKind.MARKETPLACE, List.of("WebStoreWarehouse", "OMNI_STORE_BJ")),
                new StockRows.Channel("wechat", ChannelKind.SOCIAL, List.of())),
                Map.of("tmall", Map.of("allocationPercent", new BigDecimal("30"), "safetyStock", new BigDecimal("2")),
                        "shop-web", Map.of("allocationPercent", new BigDecimal("100"), "safetyStock", BigDecimal.ZERO)));
        assertThat(rules.rules()).containsOnlyKeys("store-sh", "franchise-bj", "shop-web", "tmall");
        assertThat(rules.rules().get("tmall").facilityIds()).as("the franchise store is not Tmall's to sell").containsExactly("WebStoreWarehouse");
        StockLedger ledger = new StockLedger(rules);
        ledger.load(new StockFact("GZ-2644", null, "OMNI_STORE_BJ", new BigDecimal("4"), new BigDecimal("4"), null));
        ledger.load(new StockFact("GZ-2644", null, "WebStoreWarehouse", new BigDecimal("13"), new BigDecimal("13"), null));
        assertThat(ledger.availableToSell("GZ-2644", "franchise-bj")).isEqualTo(4);
        assertThat(ledger.availableToSell("GZ-2644", "tmall") + ledger.availableToSell("GZ-2644", "shop-web"))
                .as("no unit of the warehouse promised twice").isLessThanOrEqualTo(13);
    }
}
