package org.omnichannel.ofbiz.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnichannel.core.event.OrderLine;

/**
 * Finds the OFBiz product of each order line, trying in this order: the line's productId as an
 * OFBiz productId, its SKU as an OFBiz productId, the SKU as a GoodIdentification of type SKU,
 * then the channel's own mapping (OmniChannelProduct) of the SKU or, failing that, of the
 * productId. A line none of these finds rejects the whole order, naming every missing SKU.
 */
public final class ProductResolver<E extends Exception> {

    private final ProductCatalog<E> catalog;

    public ProductResolver(ProductCatalog<E> catalog) {
        this.catalog = catalog;
    }

    /** The product of each line by line id, in line order; throws naming every line it cannot resolve. */
    public Map<String, String> resolve(String channelId, String orderId, List<OrderLine> lines) throws E {
        Map<String, String> products = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (OrderLine line : lines) {
            String productId = resolve(channelId, line);
            if (productId == null) {
                missing.add((line.sku() != null ? "SKU '" + line.sku() + "'" : "product '" + line.productId() + "'")
                        + " (line " + line.lineId() + ")");
            } else {
                products.put(line.lineId(), productId);
            }
        }
        if (!missing.isEmpty()) {
            throw new OrderRejectedException("order " + orderId + " of channel " + channelId + ": no OFBiz product for "
                    + String.join(", ", missing) + ". Create the product (or a GoodIdentification of type SKU, or an"
                    + " OmniChannelProduct row for channel " + channelId + ") and replay the event");
        }
        return products;
    }

    /** The product of one line, or null. */
    public String resolve(String channelId, OrderLine line) throws E {
        if (line.productId() != null && catalog.exists(line.productId())) {
            return line.productId();
        }
        if (line.sku() != null) {
            if (catalog.exists(line.sku())) {
                return line.sku();
            }
            String bySku = catalog.bySku(line.sku());
            if (bySku != null) {
                return bySku;
            }
            String mapped = catalog.byChannelSku(channelId, line.sku());
            if (mapped != null) {
                return mapped;
            }
        }
        return line.productId() == null ? null : catalog.byChannelSku(channelId, line.productId());
    }
}
