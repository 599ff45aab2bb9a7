package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The <b>fetch-on-notify contract</b>: what an ORDER_CHANGE notification tells the hub to fetch. The
 * notification alone has no prices, buyer or address, so {@link AmazonConnector#map} maps it to no event
 * (skip reason SUMMARY_ONLY) and the hub, after queueing the notification durably, calls
 * {@link #of(InboundRequest)} and then {@link AmazonOrderFetcher#fetch(AmazonOrderRef, org.omnichannel.connector.spi.ChannelContext, Instant)}
 * in its consumer. The fetch is idempotent: the event id comes from the order id and its LastUpdateDate,
 * so the same notification twice, or the poll finding the same order, gives the same eventId.
 *
 * @param amazonOrderId  the order, 3-7-7 digits
 * @param marketplaceId  the marketplace it was placed in (ATVPDKIKX0DER...): routes it to a channel
 * @param notificationId the notification's id (the hub's deduplication key for the SQS message)
 */
public record AmazonOrderRef(String amazonOrderId, String marketplaceId, String sellerId, String notificationId,
                             Instant notifiedAt) {

    private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");

    public AmazonOrderRef {
        if (amazonOrderId == null || !ORDER_ID.matcher(amazonOrderId).matches()) {
            throw new BadPayloadException("AmazonOrderId '" + amazonOrderId + "' is not an Amazon order id (3-7-7 digits)");
        }
    }

    /** The order an ORDER_CHANGE notification names; empty for any other notification. */
    public static Optional<AmazonOrderRef> of(InboundRequest request) {
        JsonNode body = JsonBodies.object(request, "amazon notification");
        AmazonNotification notification = AmazonNotification.of(body);
        if (!AmazonConnector.ORDER_CHANGE.equals(notification.type())) {
            return Optional.empty();
        }
        return Optional.of(of(notification));
    }

    static AmazonOrderRef of(AmazonNotification notification) {
        JsonNode change = JsonBodies.requireObject(notification.payload(), "OrderChangeNotification", "Payload");
        String orderId = JsonBodies.requireText(change, "AmazonOrderId", "Payload.OrderChangeNotification");
        String marketplace = JsonBodies.text(JsonBodies.child(change, "Summary"), "MarketplaceId");
        return new AmazonOrderRef(orderId, marketplace, JsonBodies.text(change, "SellerId"),
                notification.notificationId(), notification.eventTime());
    }
}
