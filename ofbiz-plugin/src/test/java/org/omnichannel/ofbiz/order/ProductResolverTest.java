package org.omnichannel.ofbiz.order;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order in which an order line's SKU is looked up, and the rejection of an order with an unknown SKU. */
class ProductResolverTest {

    /** A catalog in memory that also records what was asked. */
    private static final class Catalog implements ProductCatalog<RuntimeException> {
        final Set<String> products = Set.of("GZ-1000", "GZ-2644", "WG-1111", "SKU-IS-ID");
        final Map<String, String> skus = Map.of("GL-AVIATOR-BLK", "GZ-1000", "SHARED", "WG-1111");
        final Map<String, String> channelSkus = Map.of("tmall|tm-5566001", "GZ-2644", "tmall|SHARED", "GZ-2644",
                "tmall|tm-pid-7", "GZ-1000");
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean exists(String productId) {
            asked.add("product " + productId);
            return products.contains(productId);
        }

        @Override
        public String bySku(String sku) {
            asked.add("sku " + sku);
            return skus.get(sku);
        }

        @Override
        public String byChannelSku(String channelId, String channelSku) {
            asked.add("channel " + channelSku);
            return channelSkus.get(channelId + "|" + channelSku);
        }
    }

    private static OrderLine line(String id, String sku, String productId) {
        Money price = new Money(100, "CNY");
        return new OrderLine(id, sku, productId, null, BigDecimal.ONE, price, null, price);
    }

    @Test
    void the_line_product_id_wins_when_ofbiz_has_that_product() {
        Catalog catalog = new Catalog();
        assertThat(new ProductResolver<>(catalog).resolve("tmall", line("L1", "GL-AVIATOR-BLK", "WG-1111"))).isEqualTo("WG-1111");
        assertThat(catalog.asked).containsExactly("product WG-1111");
    }

    @Test
    void a_sku_is_tried_as_a_product_id_then_as_a_good_identification_then_in_the_channel_mapping() {
        Catalog catalog = new Catalog();
        ProductResolver<RuntimeException> resolver = new ProductResolver<>(catalog);
        assertThat(resolver.resolve("tmall", line("L1", "SKU-IS-ID", null))).isEqualTo("SKU-IS-ID");
        assertThat(resolver.resolve("tmall", line("L2", "GL-AVIATOR-BLK", "gid://shopify/ProductVariant/1"))).isEqualTo("GZ-1000");
        catalog.asked.clear();
        assertThat(resolver.resolve("tmall", line("L3", "tm-5566001", null))).isEqualTo("GZ-2644");
        assertThat(catalog.asked).containsExactly("product tm-5566001", "sku tm-5566001", "channel tm-5566001");
    }

    @Test
    void a_good_identification_sku_comes_before_the_channel_mapping_of_the_same_sku() {
        assertThat(new ProductResolver<>(new Catalog()).resolve("tmall", line("L1", "SHARED", null))).isEqualTo("WG-1111");
    }

    @Test
    void a_line_with_only_a_channel_product_id_is_found_through_the_channel_mapping() {
        assertThat(new ProductResolver<>(new Catalog()).resolve("tmall", line("L1", null, "tm-pid-7"))).isEqualTo("GZ-1000");
        assertThat(new ProductResolver<>(new Catalog()).resolve("shop-web", line("L1", null, "tm-pid-7"))).isNull();
    }

    @Test
    void an_order_with_unknown_skus_is_rejected_naming_each_of_them_and_the_fix() {
        ProductResolver<RuntimeException> resolver = new ProductResolver<>(new Catalog());
        assertThatThrownBy(() -> resolver.resolve("shop-web", "4711",
                List.of(line("L1", "GL-AVIATOR-BLK", null), line("L2", "NO-SUCH-SKU", null), line("L3", null, "no-such-product"))))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("order 4711 of channel shop-web")
                .hasMessageContaining("SKU 'NO-SUCH-SKU' (line L2)")
                .hasMessageContaining("product 'no-such-product' (line L3)")
                .hasMessageContaining("replay")
                .hasMessageNotContaining("GL-AVIATOR-BLK");
    }

    @Test
    void every_line_of_a_known_order_maps_to_its_product_in_line_order() {
        Map<String, String> products = new ProductResolver<>(new Catalog()).resolve("tmall", "1",
                List.of(line("L2", "tm-5566001", null), line("L1", "GL-AVIATOR-BLK", null)));
        assertThat(products).containsExactly(Map.entry("L2", "GZ-2644"), Map.entry("L1", "GZ-1000"));
    }
}
