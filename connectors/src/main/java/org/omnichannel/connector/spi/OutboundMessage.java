package org.omnichannel.connector.spi;

import java.math.BigDecimal;
import java.util.List;

/**
 * Something the back office tells a channel (read from the OFBiz outbox, see
 * docs/ofbiz-hub-contract.md). A connector turns it into the vendor's HTTP requests with
 * {@link Connector#outbound(OutboundMessage, ChannelContext)}.
 */
public sealed interface OutboundMessage {

    /** The outbox entry's id: the idempotency key of the push. */
    String messageId();

    /** The channel to push to. */
    String channelId();

    /**
     * How many units of a product the channel may sell now (already net of safety stock and
     * allocation). Newer values for the same channel and SKU supersede older ones.
     *
     * @param locationId the vendor's location (Shopify location, Square location), when the channel has several
     */
    record StockLevel(String messageId, String channelId, String sku, String productId, String locationId,
                      BigDecimal availableToSell) implements OutboundMessage {
    }

    /**
     * An order (or some of its lines) was shipped or handed over.
     *
     * @param orderId the vendor's order id
     */
    record FulfilmentNotice(String messageId, String channelId, String orderId, List<String> lineIds,
                            String carrier, String trackingNumber, String trackingUrl) implements OutboundMessage {

        public FulfilmentNotice {
            lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
        }
    }
}
