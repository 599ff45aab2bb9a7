package org.omnichannel.hub.channel;

import org.omnichannel.core.event.ChannelKind;

import java.util.Map;

/**
 * One channel as the integration engineer configured it in the channels file.
 *
 * @param id             the channel id (URL path /webhooks/{id}, ChannelEvent.channelId)
 * @param system         the connector's system id
 * @param kind           which of the five kinds the channel is
 * @param enabled        disabled channels get no route and answer 404
 * @param productStoreId the OFBiz ProductStore orders of this channel go to, or null
 * @param facilityId     the OFBiz Facility of a store channel, or null
 * @param salesChannel   the OFBiz SALES_CHANNEL enumeration id, or null
 * @param settings       non-secret connector settings
 * @param secrets        secret name to where it is kept
 * @param line           the line of the channel in the file, for messages
 */
public record ChannelDefinition(String id, String system, ChannelKind kind, boolean enabled, String productStoreId,
                                String facilityId, String salesChannel, Map<String, String> settings,
                                Map<String, SecretReference> secrets, int line) {

    public ChannelDefinition {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }
}
