package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.StockAdjustmentPayload;
import org.omnichannel.core.event.StockReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock notifications → STOCK_ADJUSTED, each a new figure (reason COUNT), not a change:
 * <ul>
 *   <li>{@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE}: the seller-fulfilled quantity Amazon now offers for a
 *       {@code Sku} (usually the echo of our own patchListingsItem, or an edit in Seller Central). Facility
 *       {@code amazon-mfn:<FulfillmentChannelCode>} ({@code DEFAULT} is the seller's own network). One event
 *       per notification (id: the NotificationId).</li>
 *   <li>{@code ITEM_INVENTORY_EVENT_CHANGE} (vendors): Amazon's own highly available inventory of an
 *       {@code asin} in a marketplace at the end of an hour. There is no SKU, so the product is
 *       {@code amazon:asin:<ASIN>}, for the back office to map; facility {@code amazon-retail:<marketplaceId>}.
 *       One event per entry, keyed by account, marketplace, ASIN and {@code endTime}, so a redelivered
 *       notification collapses.</li>
 * </ul>
 */
final class AmazonStockMapper {

    private AmazonStockMapper() {
    }

    static List<ChannelEvent> mfnQuantity(AmazonNotification notification, ChannelContext channel, Instant receivedAt) {
        JsonNode payload = notification.payload();
        String sku = JsonBodies.requireText(payload, "Sku", "Payload");
        BigDecimal quantity = JsonBodies.requireDecimal(payload, "Quantity", "Payload");
        String code = JsonBodies.text(payload, "FulfillmentChannelCode");
        Instant at = require(notification.eventTime(), notification);
        return List.of(event(channel, receivedAt, at, "notification", notification.notificationId())
                .payload(new StockAdjustmentPayload(sku, null, new FacilityRef("amazon-mfn:" + (code == null ? "DEFAULT" : code), null),
                        StockReason.COUNT, null, quantity, quantity))
                .build());
    }

    static List<ChannelEvent> inventoryEvents(AmazonNotification notification, ChannelContext channel, Instant receivedAt) {
        JsonNode changes = notification.payload().path("itemInventoryEventChanges");
        if (!changes.isArray() || changes.isEmpty()) {
            throw new BadPayloadException(notification.describe() + ": payload.itemInventoryEventChanges is missing or empty");
        }
        List<ChannelEvent> events = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String where = "payload.itemInventoryEventChanges[" + i + "]";
            String asin = JsonBodies.requireText(change, "asin", where);
            String marketplace = JsonBodies.requireText(change, "marketplaceId", where);
            Instant end = JsonBodies.requireInstant(change, "endTime", where);
            BigDecimal available = JsonBodies.requireDecimal(change, "highlyAvailableInventory", where);
            String account = JsonBodies.text(change, "accountId");
            events.add(event(channel, receivedAt, end, "inventory", account == null ? "-" : account, marketplace, asin,
                    end.toString())
                    .payload(new StockAdjustmentPayload(null, "amazon:asin:" + asin,
                            new FacilityRef("amazon-retail:" + marketplace, null), StockReason.COUNT, null, available, available))
                    .build());
        }
        return events;
    }

    private static ChannelEvent.Builder event(ChannelContext channel, Instant receivedAt, Instant occurredAt, String... id) {
        return ChannelEvent.builder().channel(channel.channelId(), channel.kind(), AmazonConnector.SYSTEM)
                .externalId(id).type(EventType.STOCK_ADJUSTED).occurredAt(occurredAt).receivedAt(receivedAt);
    }

    private static Instant require(Instant eventTime, AmazonNotification notification) {
        if (eventTime == null) {
            throw new BadPayloadException(notification.describe() + " has no EventTime");
        }
        return eventTime;
    }
}
