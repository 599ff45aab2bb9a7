package org.omnichannel.connector.amazon;

import java.time.Instant;
import java.util.List;

/**
 * One page of getOrders, for the hub's poll (the backstop for lost notifications).
 *
 * @param orders          the orders on the page, to fetch like notified ones ({@link AmazonOrderFetcher});
 *                        their notificationId is {@value #POLL}
 * @param nextToken       the token of the next page, or null on the last page
 * @param newestUpdate    the newest {@code LastUpdateDate} on the page, or null when it is empty: the hub's
 *                        watermark for the next poll's {@code LastUpdatedAfter} once every page is done
 */
public record AmazonOrdersPage(List<AmazonOrderRef> orders, String nextToken, Instant newestUpdate) {

    /** The notificationId of refs found by the poll. */
    public static final String POLL = "poll";

    public AmazonOrdersPage {
        orders = List.copyOf(orders);
    }
}
