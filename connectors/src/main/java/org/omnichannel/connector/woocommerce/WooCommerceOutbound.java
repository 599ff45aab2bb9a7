package org.omnichannel.connector.woocommerce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Requests to the WooCommerce REST API v3 of the site in the setting {@code siteUrl} (https only),
 * authenticated with HTTP Basic of the channel's secrets {@code consumerKey}:{@code consumerSecret}
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https).
 *
 * <p>{@link OutboundMessage.StockLevel} → {@code PUT /wp-json/wc/v3/products/<id>} with
 * {@code {"manage_stock": true, "stock_quantity": n}}
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#update-a-product), or, for a variation,
 * {@code PUT /wp-json/wc/v3/products/<product>/variations/<variation>}
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#update-a-product-variation). WooCommerce
 * keys stock by product id, not SKU: {@code productId} is {@code <product>} or {@code <product>:<variation>}.
 * {@code stock_quantity} is a whole number. Fulfilment notices are not pushed (empty list).
 */
final class WooCommerceOutbound {

    private WooCommerceOutbound() {
    }

    static List<OutboundRequest> requests(OutboundMessage message, ChannelContext channel) {
        if (!(message instanceof OutboundMessage.StockLevel stock)) {
            return List.of();
        }
        String product = stock.productId();
        if (product == null || !product.matches("\\d{1,19}(:\\d{1,19})?")) {
            throw new IllegalArgumentException("stock level " + stock.messageId() + " productId must be the WooCommerce "
                    + "product id or <product>:<variation>, was " + (product == null ? "none" : "'" + product + "'"));
        }
        BigDecimal quantity = stock.availableToSell();
        if (quantity == null || quantity.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("stock level " + stock.messageId() + ": WooCommerce takes whole units, got "
                    + (quantity == null ? "none" : quantity.toPlainString()));
        }
        String[] ids = product.split(":");
        String path = ids.length == 1 ? "/wp-json/wc/v3/products/" + ids[0]
                : "/wp-json/wc/v3/products/" + ids[0] + "/variations/" + ids[1];
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.put("manage_stock", true);
        body.put("stock_quantity", quantity.intValueExact());
        String credentials = channel.secrets().require("consumerKey") + ":" + channel.secrets().require("consumerSecret");
        try {
            URI site = new URI(channel.requiredSetting("siteUrl"));
            if (!"https".equals(site.getScheme()) || site.getHost() == null) {
                throw new IllegalStateException("channel '" + channel.channelId()
                        + "' setting siteUrl must be an https URL: the API keys travel in Basic authentication");
            }
            String prefix = site.getPath() == null ? "" : site.getPath().replaceAll("/+$", "");
            URI uri = new URI("https", null, site.getHost(), site.getPort(), prefix + path, null, null);
            return List.of(new OutboundRequest("PUT", uri, Map.of(
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                    "Content-Type", "application/json"), JsonBodies.mapper().writeValueAsBytes(body)));
        } catch (URISyntaxException | JsonProcessingException e) {
            throw new IllegalStateException("cannot build the WooCommerce request: " + e.getMessage(), e);
        }
    }
}
