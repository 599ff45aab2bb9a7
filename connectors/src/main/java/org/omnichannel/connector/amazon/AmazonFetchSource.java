package org.omnichannel.connector.amazon;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.FetchException;
import org.omnichannel.connector.spi.FetchRef;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.PollPage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon's side of the hub's fetch-on-notify and polling ({@link FetchSource}), an adapter over
 * {@link AmazonOrderRef}, {@link AmazonOrderFetcher} and {@link AmazonOrdersClient#getOrders}:
 * <ul>
 *   <li>{@link #references}: an ORDER_CHANGE names one {@value #ORDER} (attributes {@code marketplaceId},
 *       {@code sellerId}; notificationId = the notification's NotificationId); other notifications name nothing.</li>
 *   <li>{@link #fetch}: getOrder, getOrderItems, an RDT, getOrderAddress, getOrderBuyerInfo, mapped to one order
 *       event whose eventId is channel + order + LastUpdateDate (so refetching the same state collapses).</li>
 *   <li>{@link #poll}: one getOrders page of the channel's {@code marketplaceIds} updated at or after the watermark.</li>
 * </ul>
 * An {@link SpApiException} becomes a {@link FetchException} with the same {@code retryable()}; after a 429 the
 * client has already backed off, so the hub is told to wait one more minute before the next try.
 * One instance per connector: one client, so one set of rate-limit buckets and one LWA token cache per hub.
 */
public final class AmazonFetchSource implements FetchSource {

    /** The object type of the references this source names and fetches. */
    public static final String ORDER = "order";
    static final String MARKETPLACE_ID = "marketplaceId";
    static final String SELLER_ID = "sellerId";
    /** How long the hub waits after a fetch that Amazon still throttled when the client's own back-off ran out. */
    static final Duration AFTER_THROTTLING = Duration.ofMinutes(1);

    private final AmazonOrdersClient client;
    private final AmazonOrderFetcher fetcher;

    public AmazonFetchSource(AmazonOrdersClient client) {
        this.client = client;
        this.fetcher = new AmazonOrderFetcher(client);
    }

    @Override
    public List<FetchRef> references(InboundRequest request, ChannelContext channel) {
        return AmazonOrderRef.of(request).map(AmazonFetchSource::toFetchRef).map(List::of).orElse(List.of());
    }

    @Override
    public MappingResult fetch(FetchRef ref, ChannelContext channel, Instant receivedAt) {
        if (!ORDER.equals(ref.objectType())) {
            throw new FetchException("amazon-sp-api fetches objects of type '" + ORDER + "', not '" + ref.objectType() + "'",
                    false);
        }
        AmazonOrderRef order;
        try {
            order = new AmazonOrderRef(ref.objectId(), ref.attribute(MARKETPLACE_ID), ref.attribute(SELLER_ID),
                    ref.notificationId(), null);
        } catch (BadPayloadException e) {
            throw new FetchException(e.getMessage(), false);
        }
        try {
            return fetcher.fetch(order, channel, receivedAt);
        } catch (SpApiException e) {
            throw translate(e);
        }
    }

    @Override
    public PollPage poll(ChannelContext channel, Instant changedSince, String pageToken) {
        List<String> marketplaces = Arrays.stream(channel.requiredSetting("marketplaceIds").split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).toList();
        AmazonOrdersPage page;
        try {
            page = client.getOrders(channel, marketplaces, changedSince, pageToken);
        } catch (SpApiException e) {
            throw translate(e);
        } catch (BadPayloadException e) {
            throw new FetchException("getOrders answered a page that cannot be read: " + e.getMessage(), true);
        }
        return new PollPage(page.orders().stream().map(AmazonFetchSource::toFetchRef).toList(), page.nextToken(),
                page.newestUpdate());
    }

    /** SP-API calls this source made so far, by operation (attempts included): the cost figures of the docs. */
    public Map<String, Integer> calls() {
        return client.calls();
    }

    static FetchRef toFetchRef(AmazonOrderRef ref) {
        Map<String, String> attributes = new HashMap<>();
        if (ref.marketplaceId() != null) {
            attributes.put(MARKETPLACE_ID, ref.marketplaceId());
        }
        if (ref.sellerId() != null) {
            attributes.put(SELLER_ID, ref.sellerId());
        }
        return new FetchRef(ORDER, ref.amazonOrderId(), attributes, ref.notificationId());
    }

    private static FetchException translate(SpApiException e) {
        Duration retryAfter = e.retryable() && e.status() == 429 ? AFTER_THROTTLING : null;
        return new FetchException(e.getMessage(), e.retryable(), retryAfter, e);
    }
}
