package org.omnichannel.connector.woocommerce;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;

import java.util.List;

final class WooCommerceOutbound {

    private WooCommerceOutbound() {
    }

    static List<OutboundRequest> requests(OutboundMessage message, ChannelContext channel) {
        return List.of();
    }
}
