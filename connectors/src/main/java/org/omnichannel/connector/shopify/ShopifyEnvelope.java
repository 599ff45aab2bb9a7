package org.omnichannel.connector.shopify;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;

import java.time.Instant;

/**
 * What every Shopify event shares: the channel, when the hub received it, and the shop, which is
 * the namespace of Shopify's customer ids (a customer id is unique within one shop only).
 */
record ShopifyEnvelope(ChannelContext channel, Instant receivedAt, String shopDomain) {

    static ShopifyEnvelope of(InboundRequest request, ChannelContext channel) {
        String shop = ShopifyConnector.header(request, "shop-domain");
        if (shop == null) {
            shop = channel.setting("shopDomain").orElse(channel.channelId());
        }
        return new ShopifyEnvelope(channel, request.receivedAt(), shop);
    }

    ChannelEvent.Builder event(EventType type, Instant occurredAt, String... externalId) {
        return ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), ShopifyConnector.SYSTEM)
                .externalId(externalId)
                .type(type)
                .occurredAt(occurredAt)
                .receivedAt(receivedAt);
    }

    /** Shopify's customer id, scoped to the shop; issued by Shopify, so verified. */
    Identity customerId(String id) {
        return new Identity(IdentityType.MARKETPLACE_BUYER_ID, id, "shopify:" + shopDomain, true);
    }
}
