package org.omnichannel.hub.outbound;

import org.omnichannel.connector.shopify.ShopifyConnector;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Verification;

import java.net.URI;
import java.util.List;

/**
 * The real Shopify connector (system {@value #SYSTEM}, test classpath only): its requests, built exactly as for
 * {@code https://<shop>.myshopify.com}, are sent to the channel's setting {@code standInBaseUrl} instead, since
 * the connector fixes the host. Path, query, headers and body are the connector's own.
 */
public final class ShopifyStandInConnector implements Connector {

    static final String SYSTEM = "shopify-stand-in";
    private final ShopifyConnector real = new ShopifyConnector();

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        return real.verify(request, channel);
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        return real.map(request, channel);
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        URI base = URI.create(channel.requiredSetting("standInBaseUrl"));
        return real.outbound(message, channel).stream()
                .map(request -> new OutboundRequest(request.method(), URI.create(base + request.uri().getRawPath()
                        + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())),
                        request.headers(), request.body()))
                .toList();
    }
}
