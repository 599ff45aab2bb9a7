package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyOutboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ShopifyConnector connector = new ShopifyConnector();
    private final ChannelContext channel = new ChannelContext("shop-eu", ChannelKind.OWN_ECOMMERCE, "shopify",
            Map.of("shopDomain", "jsmith.myshopify.com", "apiVersion", "2025-07"),
            Secrets.of("shop-eu", Map.of("webhookSecret", "s", "adminApiToken", "shpat_test_not_real")));

    @Test
    void sets_the_available_quantity_of_an_inventory_item_at_a_location() throws IOException {
        OutboundMessage stock = new OutboundMessage.StockLevel("OMNI-OB-1042", "shop-eu", "IPOD2008BLACK",
                "gid://shopify/InventoryItem/808950810", "655441491", new BigDecimal("42"));

        List<OutboundRequest> requests = connector.outbound(stock, channel);

        assertThat(requests).hasSize(1);
        OutboundRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).hasToString("https://jsmith.myshopify.com/admin/api/2025-07/inventory_levels/set.json");
        assertThat(request.headers()).containsEntry("X-Shopify-Access-Token", "shpat_test_not_real")
                .containsEntry("Content-Type", "application/json");
        // The request of Shopify's own example (the fixture inventory_levels.rest-resource.json is its answer).
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("{\"location_id\":655441491,\"inventory_item_id\":808950810,\"available\":42}"));
        assertThat(request.toString()).doesNotContain("shpat_");
    }

    @Test
    void fulfils_a_fulfillment_order_with_its_tracking_details() throws IOException {
        OutboundMessage notice = new OutboundMessage.FulfilmentNotice("OMNI-OB-1043", "shop-eu",
                "gid://shopify/FulfillmentOrder/1046000778", List.of(), "SF Express", "SF123", "https://www.sf-express.com/track/SF123");

        OutboundRequest request = connector.outbound(notice, channel).get(0);

        assertThat(request.uri()).hasToString("https://jsmith.myshopify.com/admin/api/2025-07/fulfillments.json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body).isEqualTo(JSON.readTree("{\"fulfillment\":{\"line_items_by_fulfillment_order\":"
                + "[{\"fulfillment_order_id\":1046000778}],\"tracking_info\":{\"company\":\"SF Express\",\"number\":\"SF123\","
                + "\"url\":\"https://www.sf-express.com/track/SF123\"},\"notify_customer\":false}}"));
    }

    @Test
    void says_what_shopify_needs_when_the_message_cannot_be_sent() {
        OutboundMessage bySku = new OutboundMessage.StockLevel("OMNI-OB-1", "shop-eu", "IPOD2008BLACK", null, "655441491", BigDecimal.ONE);
        OutboundMessage fraction = new OutboundMessage.StockLevel("OMNI-OB-2", "shop-eu", null, "808950810", "655441491", new BigDecimal("1.5"));
        OutboundMessage lines = new OutboundMessage.FulfilmentNotice("OMNI-OB-3", "shop-eu", "1046000778", List.of("L1"), null, null, null);
        ChannelContext noShop = new ChannelContext("shop-eu", ChannelKind.OWN_ECOMMERCE, "shopify", Map.of(),
                Secrets.of("shop-eu", Map.of("adminApiToken", "t")));

        assertThatThrownBy(() -> connector.outbound(bySku, channel)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stock level OMNI-OB-1 productId must be gid://shopify/InventoryItem/<id> or the numeric id, was none");
        assertThatThrownBy(() -> connector.outbound(fraction, channel)).hasMessageContaining("Shopify takes whole units, got 1.5");
        assertThatThrownBy(() -> connector.outbound(lines, channel)).hasMessageContaining("send it without lineIds");
        assertThatThrownBy(() -> connector.outbound(new OutboundMessage.StockLevel("OMNI-OB-4", "shop-eu", null, "1", "2", BigDecimal.ONE), noShop))
                .hasMessageContaining("has no setting 'shopDomain'");
    }
}
