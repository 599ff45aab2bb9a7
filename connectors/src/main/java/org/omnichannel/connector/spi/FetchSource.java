package org.omnichannel.connector.spi;

import java.time.Instant;
import java.util.List;

/**
 * The side of a system whose notifications name an object without carrying it (Amazon's
 * ORDER_CHANGE, eBay's platform notifications, Clover-style id-only webhooks) and whose API has to
 * be polled as the backstop for notifications that never come. The hub uses it for
 * fetch-on-notify: it queues the verified notification durably first and acknowledges the vendor,
 * then a consumer asks {@link #references} what it names and {@link #fetch}es each reference; a
 * scheduled poll asks {@link #poll} for what changed since a persisted watermark and fetches those
 * references the same way.
 *
 * <p>Implementations are thread-safe and shared by every channel of their system in one hub (one set
 * of rate-limit buckets and token caches per vendor account); they are free of Camel types.
 */
public interface FetchSource {

    /**
     * What a verified notification names, in order; empty when it names nothing to fetch (the
     * connector's {@link Connector#map} then says what it is).
     *
     * @throws BadPayloadException when the notification cannot be read
     */
    List<FetchRef> references(InboundRequest request, ChannelContext channel);

    /**
     * Fetches one referenced object and maps it. Idempotent: the same state of the object gives the
     * same events with the same eventIds, so a notification delivered twice, a retry after a failure
     * and the poll finding the same object collapse into one event downstream.
     *
     * @throws FetchException when the vendor's API failed; {@link FetchException#retryable()} says
     *                        whether to try again later or to dead-letter the reference
     */
    MappingResult fetch(FetchRef ref, ChannelContext channel, Instant receivedAt);

    /**
     * One page of the objects changed at or after {@code changedSince} (inclusive: the overlap
     * refetches an object or two, which collapse by eventId).
     *
     * @param pageToken null for the first page, then {@link PollPage#nextPageToken()}
     * @throws FetchException when the vendor's API failed
     */
    PollPage poll(ChannelContext channel, Instant changedSince, String pageToken);
}
