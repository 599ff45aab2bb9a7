package org.omnichannel.hub.outbound;

import org.omnichannel.connector.amazon.AmazonConnector;
import org.omnichannel.connector.amazon.LwaTokens;
import org.omnichannel.connector.amazon.SpApiEndpoints;
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

/**
 * The real Amazon SP-API connector (system {@value #SYSTEM}, test classpath only) with its SP-API and Login with
 * Amazon endpoints at the channel's setting {@code standInBaseUrl}, as the connector's own tests configure it
 * ({@code new AmazonConnector(lwaTokens, channel -> endpoints)}).
 */
public final class AmazonStandInConnector implements Connector {

    static final String SYSTEM = "amazon-sp-api-stand-in";
    private final AmazonConnector real = new AmazonConnector(new LwaTokens(HttpClient.newHttpClient(), Clock.systemUTC()),
            channel -> {
                URI base = URI.create(channel.requiredSetting("standInBaseUrl"));
                return new SpApiEndpoints(base, URI.create(base + "/auth/o2/token"));
            });

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
        return real.outbound(message, channel);
    }
}
