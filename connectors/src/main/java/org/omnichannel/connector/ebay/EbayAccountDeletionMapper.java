package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FanProfilePayload;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code MARKETPLACE_ACCOUNT_DELETION} → an <b>erase request</b>: FAN_PROFILE_UPDATED tagged
 * {@value #ERASE_TAG}, carrying the eBay identities to erase.
 *
 * <p>eBay requires every app that keeps eBay user data to delete it when the user closes the account
 * (https://developer.ebay.com/marketplace-account-deletion). The canonical model has no erase type, and
 * the model is fixed, so the request is expressed with the closest type and a tag the back office acts on:
 * <ul>
 *   <li>FAN_PROFILE_UPDATED is "the fan's profile on this channel changed", which is what happened: the
 *       account is gone. Its tags are the channel's labels on the fan, and {@value #ERASE_TAG} says what to
 *       do: remove these identities (and what only this channel told us) from the fan, and keep none again.
 *       The consents are all withdrawn ({@code email}, {@code sms} false), so even a back office that does
 *       not know the tag stops contacting the fan through what eBay gave.</li>
 *   <li>Not IDENTITY_LINKED: that asserts the identities belong together, the opposite of forgetting them.
 *       Not INTERACTION: closing an account is no behaviour to credit or score.</li>
 * </ul>
 * Identities, all MARKETPLACE_BUYER_ID and verified (eBay issued them): the immutable {@code userId} in
 * namespace {@value #NAMESPACE}, the {@code username} in {@value #NAMESPACE_USERNAME} and the
 * {@code eiasToken} in {@value #NAMESPACE_EIAS}, so the fan is found by whichever an earlier event stored.
 * The event id is eBay's {@code notificationId}: eBay's retries collapse.
 */
final class EbayAccountDeletionMapper {

    /** The tag that makes a FAN_PROFILE_UPDATED an erase request. */
    static final String ERASE_TAG = "erase-request";
    static final String NAMESPACE = "ebay";
    static final String NAMESPACE_USERNAME = "ebay:username";
    static final String NAMESPACE_EIAS = "ebay:eias";

    private EbayAccountDeletionMapper() {
    }

    static ChannelEvent map(JsonNode notification, ChannelContext channel, Instant receivedAt) {
        String id = JsonBodies.requireText(notification, "notificationId", "notification");
        Instant eventDate = JsonBodies.requireInstant(notification, "eventDate", "notification");
        JsonNode data = JsonBodies.requireObject(notification, "data", "notification");
        String userId = JsonBodies.requireText(data, "userId", "notification.data");
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), EbayConnector.SYSTEM)
                .externalId("notification", id)
                .type(EventType.FAN_PROFILE_UPDATED)
                .occurredAt(eventDate)
                .receivedAt(receivedAt)
                .identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, userId, NAMESPACE, true));
        String username = JsonBodies.text(data, "username");
        if (username != null) {
            event.identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, username, NAMESPACE_USERNAME, true));
        }
        String eias = JsonBodies.text(data, "eiasToken");
        if (eias != null) {
            event.identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, eias, NAMESPACE_EIAS, true));
        }
        return event.payload(new FanProfilePayload(Map.of("email", false, "sms", false), List.of(ERASE_TAG))).build();
    }
}
