package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PollPage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * eBay's orders for fetch-on-notify and the backstop poll ({@link FetchSource}).
 *
 * <ul>
 *   <li>{@link #references}: the orders a verified platform notification (SOAP) names, as references of type
 *       {@value #ORDER}, notificationId {@code <event>@<Timestamp>} (eBay gives platform notifications no id; the
 *       event and its signed timestamp identify a delivery), attribute {@code event}. A Notification API (JSON)
 *       request names nothing to fetch: its account-deletion payload is complete.</li>
 *   <li>{@link #fetch}: getOrder, mapped by {@link EbayOrderMapper}; idempotent (eventId = channel + orderId +
 *       lastModifiedDate).</li>
 *   <li>{@link #poll}: getOrders with {@code filter=lastmodifieddate:[changedSince..]} (inclusive), the page token
 *       is eBay's {@code offset} of the next page; {@code newestChange} is the page's latest lastModifiedDate. The
 *       page size is the channel setting {@code pollPageSize} (1 to 200, default {@value #DEFAULT_PAGE_SIZE}).</li>
 * </ul>
 * Offset paging over a set that changes while it is read can shift an order from one page to the next; the
 * watermark only moves once every page is queued and the next poll starts at it again (inclusive), so an order
 * skipped that way is found by the next poll.
 */
final class EbayFetchSource implements FetchSource {

    static final String ORDER = "order";
    static final int DEFAULT_PAGE_SIZE = 100;

    private final EbayFulfillmentClient client;

    EbayFetchSource(EbayFulfillmentClient client) {
        this.client = client;
    }

    @Override
    public List<FetchRef> references(InboundRequest request, ChannelContext channel) {
        if (!EbayPlatformNotification.isSoap(request)) {
            return List.of();
        }
        EbayPlatformNotification notification = EbayPlatformNotification.parse(request);
        String notificationId = notification.eventName() + "@" + notification.timestamp();
        List<FetchRef> refs = new ArrayList<>();
        for (String orderId : notification.orderIds()) {
            refs.add(new FetchRef(ORDER, orderId, Map.of("event", notification.eventName()), notificationId));
        }
        return List.copyOf(refs);
    }

    @Override
    public MappingResult fetch(FetchRef ref, ChannelContext channel, Instant receivedAt) {
        if (!ORDER.equals(ref.objectType())) {
            throw new FetchException("eBay fetch source fetches objects of type '" + ORDER + "', not '"
                    + ref.objectType() + "'", false);
        }
        JsonNode order = client.getOrder(channel, ref.objectId());
        try {
            return MappingResult.of(EbayOrderMapper.map(order, channel, receivedAt));
        } catch (BadPayloadException | IllegalArgumentException e) {
            throw new FetchException("eBay order " + ref.objectId() + " cannot be mapped: " + e.getMessage(), false, null, e);
        }
    }

    @Override
    public PollPage poll(ChannelContext channel, Instant changedSince, String pageToken) {
        int offset = offset(pageToken);
        int limit = pageSize(channel);
        JsonNode page = client.getOrders(channel, changedSince, limit, offset);
        JsonNode orders = page.path("orders");
        List<FetchRef> refs = new ArrayList<>();
        Instant newest = null;
        for (int i = 0; i < orders.size(); i++) {
            JsonNode order = orders.get(i);
            String where = "getOrders offset " + offset + " orders[" + i + "]";
            String id;
            Instant modified;
            try {
                id = JsonBodies.requireText(order, "orderId", where);
                modified = JsonBodies.instant(order, "lastModifiedDate", where);
            } catch (BadPayloadException e) {
                throw new FetchException("eBay " + e.getMessage(), false, null, e);
            }
            refs.add(new FetchRef(ORDER, id, Map.of(), FetchRef.POLL));
            if (modified != null && (newest == null || modified.isAfter(newest))) {
                newest = modified;
            }
        }
        int total = page.path("total").asInt(0);
        boolean more = page.hasNonNull("next") || offset + orders.size() < total;
        String next = more && orders.size() > 0 ? Integer.toString(offset + orders.size()) : null;
        return new PollPage(refs, next, newest);
    }

    private static int offset(String pageToken) {
        if (pageToken == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(pageToken.trim());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eBay poll page token '" + pageToken
                    + "' is not an offset; pass null or the nextPageToken of the previous page");
        }
    }

    private static int pageSize(ChannelContext channel) {
        String value = channel.setting("pollPageSize").orElse(null);
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= EbayFulfillmentClient.MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalStateException("channel '" + channel.channelId() + "' has pollPageSize '" + value
                + "': set it to a whole number from 1 to " + EbayFulfillmentClient.MAX_LIMIT);
    }
}
