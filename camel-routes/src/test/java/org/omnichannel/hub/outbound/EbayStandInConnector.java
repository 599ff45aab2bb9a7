package org.omnichannel.hub.outbound;

import org.omnichannel.connector.ebay.CachingEbayPublicKeys;
import org.omnichannel.connector.ebay.EbayConnector;
import org.omnichannel.connector.ebay.EbayOAuthTokens;
import org.omnichannel.connector.ebay.HttpEbayPublicKeys;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Verification;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real eBay connector (system {@value #SYSTEM}, test classpath only) built, as its own tests build it, with
 * eBay's base at the channel's setting {@code standInBaseUrl}: OAuth tokens and the Inventory API go there.
 */
public final class EbayStandInConnector implements Connector {

    static final String SYSTEM = "ebay-stand-in";
    private final Map<String, EbayConnector> byBase = new ConcurrentHashMap<>();

    private EbayConnector real(ChannelContext channel) {
        return byBase.computeIfAbsent(channel.requiredSetting("standInBaseUrl"), base -> {
            HttpClient http = HttpClient.newHttpClient();
            EbayOAuthTokens tokens = new EbayOAuthTokens(http, URI.create(base), Clock.systemUTC());
            return new EbayConnector(new CachingEbayPublicKeys(new HttpEbayPublicKeys(http, tokens, URI.create(base))), tokens);
        });
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        return real(channel).verify(request, channel);
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        return real(channel).map(request, channel);
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        return real(channel).outbound(message, channel);
    }

    @Override
    public int stockLevelsPerRequest() {
        return 25;
    }

    @Override
    public List<OutboundRequest> outboundStock(List<OutboundMessage.StockLevel> levels, ChannelContext channel) {
        return real(channel).outboundStock(levels, channel);
    }
}
