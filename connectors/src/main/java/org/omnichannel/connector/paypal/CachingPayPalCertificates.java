package org.omnichannel.connector.paypal;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps checked certificates by URL for a while (default 24 h, never past the certificate's own
 * expiry), so a burst of webhooks costs one fetch. A failed fetch is not cached. At most
 * {@value #MAX_ENTRIES} URLs are kept; beyond that the cache is cleared (PayPal uses one or two).
 * Thread-safe; only a cache, so several hub instances may each hold one.
 */
public final class CachingPayPalCertificates implements PayPalCertificates {

    static final int MAX_ENTRIES = 32;

    private record Entry(X509Certificate certificate, Instant until) {
    }

    private final PayPalCertificates source;
    private final Duration ttl;
    private final Clock clock;
    private final Map<URI, Entry> entries = new ConcurrentHashMap<>();

    public CachingPayPalCertificates(PayPalCertificates source) {
        this(source, Duration.ofHours(24), Clock.systemUTC());
    }

    public CachingPayPalCertificates(PayPalCertificates source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public X509Certificate signingCertificate(URI certUrl) {
        Instant now = clock.instant();
        Entry entry = entries.get(certUrl);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.certificate();
        }
        X509Certificate certificate = source.signingCertificate(certUrl);
        Instant expiry = certificate.getNotAfter().toInstant();
        Instant until = now.plus(ttl);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(certUrl, new Entry(certificate, until.isBefore(expiry) ? until : expiry));
        return certificate;
    }
}
