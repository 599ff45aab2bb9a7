package org.omnichannel.connector.ebay;

import org.omnichannel.connector.spi.ChannelContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps eBay's keys by kid for an hour (as eBay's SDKs do), so a burst of notifications costs one fetch.
 * A kid it has not seen, or whose entry expired, is fetched from the source at once: that is how a key
 * eBay has just rotated in is picked up. A kid eBay does not know is remembered as unknown for a short
 * while (default one minute), so a flood of made-up kids cannot turn into a flood of calls to eBay; a
 * failed fetch is not remembered at all. At most {@value #MAX_ENTRIES} kids are kept; beyond that the
 * cache starts again. Thread-safe; only a cache, so each hub instance may hold its own.
 */
public final class CachingEbayPublicKeys implements EbayPublicKeys {

    static final int MAX_ENTRIES = 256;

    private record Entry(Optional<EbayPublicKey> key, Instant until) {
    }

    private final EbayPublicKeys source;
    private final Duration ttl;
    private final Duration unknownTtl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingEbayPublicKeys(EbayPublicKeys source) {
        this(source, Duration.ofHours(1), Duration.ofMinutes(1), Clock.systemUTC());
    }

    public CachingEbayPublicKeys(EbayPublicKeys source, Duration ttl, Duration unknownTtl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.unknownTtl = unknownTtl;
        this.clock = clock;
    }

    @Override
    public Optional<EbayPublicKey> find(String kid, ChannelContext channel) {
        Instant now = clock.instant();
        Entry entry = entries.get(kid);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.key();
        }
        Optional<EbayPublicKey> key = source.find(kid, channel);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(kid, new Entry(key, now.plus(key.isPresent() ? ttl : unknownTtl)));
        return key;
    }
}
