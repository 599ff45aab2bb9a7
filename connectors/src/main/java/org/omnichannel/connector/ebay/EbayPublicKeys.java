package org.omnichannel.connector.ebay;

import org.omnichannel.connector.spi.ChannelContext;

import java.util.Optional;

/**
 * The port through which the eBay connector gets the key a notification was signed with, by the
 * {@code kid} of its {@code X-EBAY-SIGNATURE}. {@link HttpEbayPublicKeys} asks eBay's Notification API;
 * {@link CachingEbayPublicKeys} keeps what it answered.
 */
public interface EbayPublicKeys {

    /**
     * The key with that id, or empty when eBay has no such key (the notification is then rejected).
     *
     * @param channel the channel, whose credentials the fetch may need
     * @throws EbayApiException when eBay cannot be asked now (I/O, 5xx, no token): the hub answers 5xx and
     *                          eBay delivers again later
     */
    Optional<EbayPublicKey> find(String kid, ChannelContext channel);
}
