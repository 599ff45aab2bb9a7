package org.omnichannel.connector.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One external system: verify what it sends and map it to ChannelEvents. Implementations are
 * stateless, thread-safe, found with {@link java.util.ServiceLoader} (see {@link Connectors}) and
 * free of Camel types, so they can be tested alone against the vendors' recorded payloads.
 */
public interface Connector {

    /** The system id channels name in configuration: "shopify", "wechat-oa", "generic"... */
    String system();

    /**
     * Answers a vendor's handshake (Meta's hub.challenge, WeChat's echostr, WooCommerce's ping)
     * without producing events; empty when the request is not a handshake.
     */
    default Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        return Optional.empty();
    }

    /**
     * Checks that the request comes from the vendor (signature, timestamp tolerance). Compares
     * signatures in constant time. Never throws for a bad signature: it returns a rejection.
     */
    Verification verify(InboundRequest request, ChannelContext channel);

    /**
     * Maps a verified request to events.
     *
     * @throws BadPayloadException when the payload cannot be read; the message says what is wrong
     */
    MappingResult map(InboundRequest request, ChannelContext channel);

    /**
     * The vendor requests that carry a message from the back office to this channel (a stock
     * level, a fulfilment). Empty when this system cannot take that kind of message; the hub then
     * reports it as unsupported rather than dropping it silently.
     */
    default List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        return List.of();
    }

    /**
     * How many stock levels of one channel a single vendor request can carry (eBay's
     * bulkUpdatePriceQuantity takes 25); 1 for systems that take one level a request. The hub groups
     * coalesced levels into {@link #outboundStock} calls of at most this many.
     */
    default int stockLevelsPerRequest() {
        return 1;
    }

    /**
     * The vendor requests for several stock levels of one channel at once (at most
     * {@link #stockLevelsPerRequest()}, already coalesced to one level a product). By default the
     * requests of each level's {@link #outbound}; empty when the system takes no stock levels.
     */
    default List<OutboundRequest> outboundStock(List<OutboundMessage.StockLevel> levels, ChannelContext channel) {
        List<OutboundRequest> requests = new ArrayList<>();
        for (OutboundMessage.StockLevel level : levels) {
            requests.addAll(outbound(level, channel));
        }
        return requests;
    }

    /**
     * The fetch side of a system whose notifications only name objects (see {@link FetchSource});
     * empty for systems whose notifications carry everything. One source per connector instance,
     * shared by all its channels.
     */
    default Optional<FetchSource> fetchSource() {
        return Optional.empty();
    }
}
