package org.omnichannel.connector.amazon;

import org.omnichannel.connector.spi.ChannelContext;

import java.net.URI;

/**
 * Where SP-API and Login with Amazon are: the regional SP-API host named by the channel's setting
 * {@code region} ({@code na}, {@code eu}, {@code fe};
 * https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints) and {@code https://api.amazon.com/auth/o2/token}.
 * The channel settings {@code spApiEndpoint} and {@code lwaEndpoint} replace them (Amazon's sandbox
 * {@code https://sandbox.sellingpartnerapi-na.amazon.com}, or a local stand-in in tests).
 */
public record SpApiEndpoints(URI spApi, URI lwaToken) {

    static final URI LWA = URI.create("https://api.amazon.com/auth/o2/token");

    /** The production endpoints of the channel's region, or those its settings name instead. */
    public static SpApiEndpoints of(ChannelContext channel) {
        URI lwa = channel.setting("lwaEndpoint").map(value -> endpoint(channel, "lwaEndpoint", value)).orElse(LWA);
        java.util.Optional<String> override = channel.setting("spApiEndpoint");
        if (override.isPresent()) {
            return new SpApiEndpoints(endpoint(channel, "spApiEndpoint", override.get()), lwa);
        }
        String region = channel.requiredSetting("region");
        String host = switch (region) {
            case "na" -> "https://sellingpartnerapi-na.amazon.com";
            case "eu" -> "https://sellingpartnerapi-eu.amazon.com";
            case "fe" -> "https://sellingpartnerapi-fe.amazon.com";
            default -> throw new IllegalStateException("channel '" + channel.channelId() + "' setting region '" + region
                    + "' is not na, eu or fe");
        };
        return new SpApiEndpoints(URI.create(host), lwa);
    }

    private static URI endpoint(ChannelContext channel, String setting, String value) {
        try {
            URI uri = new URI(value.trim());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException("channel '" + channel.channelId() + "' setting " + setting + " '" + value
                + "' is not an http(s) URL");
    }

    /** The SP-API base + a path whose segments are already encoded. */
    URI resolve(String path) {
        String base = spApi.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
