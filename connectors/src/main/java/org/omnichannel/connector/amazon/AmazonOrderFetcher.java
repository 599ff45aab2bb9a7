package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fetch-on-notify for Amazon orders: given an {@link AmazonOrderRef} (from an ORDER_CHANGE notification or
 * the getOrders poll), fetches the order and maps it. Calls, in order:
 * <ol>
 *   <li>getOrder (LWA token). A {@code Pending} order stops here: Amazon gives no prices before payment is
 *       authorised, and sends ORDER_CHANGE again when it becomes Unshipped (skip NOT_ACTIONABLE). An order of a
 *       marketplace the channel does not list in its setting {@code marketplaceIds} stops here too.</li>
 *   <li>getOrderItems (LWA token), one call per page of items.</li>
 *   <li>createRestrictedDataToken for this order's {@code /address} and {@code /buyerInfo} paths.</li>
 *   <li>getOrderAddress and getOrderBuyerInfo with that RDT.</li>
 * </ol>
 * So an order costs 5 SP-API calls (plus one per extra page of items), and one LWA token call an hour per
 * channel. Failures are {@link SpApiException}s; the hub retries those with {@code retryable()} and
 * dead-letters the others. Nothing here keeps state, so a retry simply fetches again.
 */
public final class AmazonOrderFetcher {

    private final AmazonOrdersClient client;

    public AmazonOrderFetcher(AmazonOrdersClient client) {
        this.client = client;
    }

    /** The order's event, or a skip saying why there is none yet. */
    public MappingResult fetch(AmazonOrderRef ref, ChannelContext channel, Instant receivedAt) {
        String id = ref.amazonOrderId();
        JsonNode order = client.getOrder(channel, id);
        String answered = JsonBodies.text(order, "AmazonOrderId");
        if (!id.equals(answered)) {
            throw new SpApiException("getOrder " + id + " answered order " + answered, 200, false);
        }
        String marketplace = JsonBodies.text(order, "MarketplaceId");
        Optional<String> listed = channel.setting("marketplaceIds");
        if (listed.isPresent() && !List.of(listed.get().split("\\s*,\\s*")).contains(marketplace)) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE, "amazon order " + id + " is in marketplace "
                    + marketplace + ", which channel '" + channel.channelId() + "' does not list in marketplaceIds");
        }
        if ("Pending".equals(JsonBodies.text(order, "OrderStatus"))) {
            return MappingResult.skipped(MappingResult.SkipReason.NOT_ACTIONABLE, "amazon order " + id
                    + " is Pending: no prices until payment is authorised; Amazon notifies again when it is Unshipped");
        }
        List<JsonNode> items = client.getOrderItems(channel, id);
        String rdt = client.createRestrictedDataToken(channel,
                List.of(AmazonOrdersClient.addressPath(id), AmazonOrdersClient.buyerInfoPath(id)));
        JsonNode address = client.getOrderAddress(channel, id, rdt);
        JsonNode buyer = client.getOrderBuyerInfo(channel, id, rdt);
        return MappingResult.of(AmazonOrderMapper.map(order, items, address, buyer, channel, receivedAt));
    }
}
