package org.omnichannel.connector.woocommerce;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceOutboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WooCommerceConnector connector = new WooCommerceConnector();
    private final ChannelContext channel = channel("https://example.com/shop/");

    @Test
    void updates_the_stock_quantity_of_a_product() throws IOException {
        OutboundRequest request = connector.outbound(stock("93", "7"), channel).get(0);

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri()).hasToString("https://example.com/shop/wp-json/wc/v3/products/93");
        assertThat(request.headers()).containsEntry("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes(StandardCharsets.UTF_8)));
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"manage_stock\":true,\"stock_quantity\":7}"));
    }

    @Test
    void updates_a_variation_under_its_product() {
        assertThat(connector.outbound(stock("22:23", "0"), channel).get(0).uri())
                .hasToString("https://example.com/shop/wp-json/wc/v3/products/22/variations/23");
        assertThat(connector.outbound(new OutboundMessage.FulfilmentNotice("m", "wc", "727", List.of(), null, null, null), channel)).isEmpty();
    }

    @Test
    void refuses_plain_http_sites_skus_and_fractions() {
        assertThatThrownBy(() -> connector.outbound(stock("93", "1"), channel("http://example.com")))
                .hasMessageContaining("setting siteUrl must be an https URL");
        assertThatThrownBy(() -> connector.outbound(stock("Bar3", "1"), channel))
                .hasMessage("stock level OMNI-OB-9 productId must be the WooCommerce product id or <product>:<variation>, was 'Bar3'");
        assertThatThrownBy(() -> connector.outbound(stock("93", "0.5"), channel)).hasMessageContaining("whole units, got 0.5");
    }

    private static OutboundMessage stock(String productId, String quantity) {
        return new OutboundMessage.StockLevel("OMNI-OB-9", "wc-shop-us", null, productId, null, new BigDecimal(quantity));
    }

    private static ChannelContext channel(String site) {
        return new ChannelContext("wc-shop-us", ChannelKind.OWN_ECOMMERCE, "woocommerce", Map.of("siteUrl", site),
                Secrets.of("wc-shop-us", Map.of("consumerKey", "ck_test", "consumerSecret", "cs_test")));
    }
}
