package org.omnichannel.connector.ebay;

import org.omnichannel.connector.spi.ChannelContext;

import java.net.URI;

/**
 * Where eBay's REST APIs are: {@code https://api.ebay.com}, or {@code https://api.sandbox.ebay.com} for a
 * channel with the setting {@code environment: sandbox}. A channel setting {@code apiBaseUrl} (an http or https
 * URL) replaces both: for a local stand-in in tests, or a forward proxy. Tests may also pass a fixed base.
 */
final class EbayApi {

    static final URI PRODUCTION = URI.create("https://api.ebay.com");
    static final URI SANDBOX = URI.create("https://api.sandbox.ebay.com");

    private EbayApi() {
    }

    /** The fixed base when one is given, else the channel's environment. */
    static URI base(URI fixed, ChannelContext channel) {
        if (fixed != null) {
            return fixed;
        }
        String override = channel.setting("apiBaseUrl").orElse(null);
        if (override != null) {
            URI uri;
            try {
                uri = URI.create(override.trim());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalStateException("channel '" + channel.channelId() + "' setting apiBaseUrl '" + override
                        + "' is not an http(s) URL such as https://api.ebay.com");
            }
            return uri;
        }
        String environment = channel.setting("environment").orElse("production");
        return switch (environment) {
            case "production" -> PRODUCTION;
            case "sandbox" -> SANDBOX;
            default -> throw new IllegalStateException("channel '" + channel.channelId() + "' setting environment '"
                    + environment + "' is neither production nor sandbox");
        };
    }

    /** {@code base} + an absolute path (segments already encoded). */
    static URI resolve(URI base, String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + path);
    }
}
