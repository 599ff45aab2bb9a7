package org.omnichannel.hub.outbound;

import org.omnichannel.connector.spi.ChannelContext;

import java.util.Map;

/**
 * The rate a channel's pushes are held to: the channel's settings {@code outboundRatePerSecond} and
 * {@code outboundBurst}, else its system's published limit:
 * <ul>
 *   <li>shopify: REST Admin API, 2 requests/s with a bucket of 40 on standard plans (Advanced 4/s, Plus 20/s:
 *       raise the setting) — https://shopify.dev/docs/api/admin-rest/usage/rate-limits</li>
 *   <li>amazon-sp-api: patchListingsItem usage plan 5 requests/s, burst 10 —
 *       https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference#patchlistingsitem;
 *       each answer's {@code x-amzn-RateLimit-Limit} then sets the rate</li>
 *   <li>ebay: the Sell APIs publish a daily call quota per application, not a per-second rate
 *       (https://developer.ebay.com/develop/api/sell/api_call_limits); 2 calls/s burst 10 stays well inside it,
 *       and each bulkUpdatePriceQuantity call carries up to 25 SKUs</li>
 *   <li>square: Square does not document its limits, answers 429 RATE_LIMITED and asks for back-off
 *       (https://developer.squareup.com/forums/t/getting-rate-limited-error-on-a-dev-server/7842); 5/s burst 10</li>
 *   <li>woocommerce: the REST API v3 has no built-in limit; the shop's own server is protected with 2/s burst 5</li>
 *   <li>anything else: 1/s burst 5</li>
 * </ul>
 */
record VendorRateLimits(double ratePerSecond, double burst) {

    private static final Map<String, VendorRateLimits> PUBLISHED = Map.of(
            "shopify", new VendorRateLimits(2, 40),
            "amazon-sp-api", new VendorRateLimits(5, 10),
            "ebay", new VendorRateLimits(2, 10),
            "square", new VendorRateLimits(5, 10),
            "woocommerce", new VendorRateLimits(2, 5));
    private static final VendorRateLimits OTHER = new VendorRateLimits(1, 5);

    static VendorRateLimits published(String system) {
        return PUBLISHED.getOrDefault(system, OTHER);
    }

    /** The channel's own settings over its system's published limit. */
    static VendorRateLimits of(ChannelContext channel) {
        VendorRateLimits published = published(channel.system());
        double rate = number(channel, "outboundRatePerSecond", published.ratePerSecond());
        double burst = number(channel, "outboundBurst", Math.max(1, published.burst()));
        return new VendorRateLimits(rate, Math.max(1, burst));
    }

    private static double number(ChannelContext channel, String setting, double fallback) {
        return channel.setting(setting).map(value -> {
            try {
                double number = Double.parseDouble(value.trim());
                if (!(number > 0) || Double.isInfinite(number)) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("channel '" + channel.channelId() + "' setting " + setting + " is '" + value
                        + "': set it to a number above 0, e.g. 2");
            }
        }).orElse(fallback);
    }
}
