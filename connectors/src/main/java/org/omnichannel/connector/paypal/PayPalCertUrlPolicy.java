package org.omnichannel.connector.paypal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code PAYPAL-TRANSMISSION-CERT-URL}s may be fetched: an attacker who could name any URL would
 * sign with a certificate of their own. Production: https on PayPal's API hosts only, default port, no
 * user info. Tests of the HTTP client use {@link #allowing(String, Set)} with a local server.
 */
public record PayPalCertUrlPolicy(String scheme, Set<String> hosts) {

    /** PayPal's live and sandbox API hosts. */
    public static final PayPalCertUrlPolicy PAYPAL = new PayPalCertUrlPolicy("https",
            Set.of("api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com"));

    public PayPalCertUrlPolicy {
        hosts = Set.copyOf(hosts);
    }

    public static PayPalCertUrlPolicy allowing(String scheme, Set<String> hosts) {
        return new PayPalCertUrlPolicy(scheme, hosts);
    }

    /** The URL when it is allowed; empty otherwise. */
    public Optional<URI> check(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            boolean allowed = scheme.equalsIgnoreCase(uri.getScheme()) && host != null && hosts.contains(host)
                    && uri.getUserInfo() == null && uri.getFragment() == null
                    && (uri.getPort() == -1 || !scheme.equals("https"));
            return allowed ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
