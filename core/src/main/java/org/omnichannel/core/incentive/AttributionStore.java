package org.omnichannel.core.incentive;

import java.util.List;
import java.util.Optional;

/**
 * Port: what the engine remembers between events to attribute later ones: touches (for referrals),
 * fan merges, fans whose contact was collected, credited orders (for reversals) and the event ids
 * it has processed. {@link InMemoryAttributionStore} keeps it in memory; the OFBiz plugin implements
 * it on the Delegator, in the same transaction as the ledger, so that several OFBiz instances share
 * it and a restart loses nothing.
 *
 * <p>Fan ids are resolved through merges inside the store: after {@code mergeFans(a, b)},
 * {@code touches(b, ...)} answers a's touches and {@link #canonicalFan} of b is a.
 */
public interface AttributionStore {

    /** True when the event was processed before (a redelivery). */
    boolean seen(String eventId);

    /** Records that the event has been processed; called after its entries are in the ledger. */
    void markSeen(String eventId);

    /** Remembers a touch under its fan (resolved through merges) and under its referral code, if any. */
    void addTouch(Touch touch);

    /** The touches of the fan (resolved through merges) and the touch that issued the code; either may be null. Oldest first, no duplicates. */
    List<Touch> touches(String fanId, String referralCode);

    /** The fan that survives every merge of {@code fanId}; null for null. */
    String canonicalFan(String fanId);

    /** {@code mergedFanId} is now {@code survivorFanId}: touches and contact collection move over. */
    void mergeFans(String survivorFanId, String mergedFanId);

    /** Marks the fan's contact as collected; false when it had been collected before. */
    boolean firstContactCollection(String fanId);

    /** The credit state of an order ("channelId/orderId"), or empty when the engine never credited it. */
    Optional<OrderCreditState> order(String orderRef);

    /** Saves the credit state of an order, replacing the previous state of the same order. */
    void saveOrder(OrderCreditState state);
}
