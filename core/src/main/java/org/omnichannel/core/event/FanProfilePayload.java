package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A fan's profile changed on a channel. The new details travel in the envelope's
 * {@link ChannelEvent#person()}; this carries what is not about identity.
 *
 * @param consents marketing consents by purpose ("email", "sms", "wechat"), true = granted
 * @param tags     labels the channel keeps on the fan (VIP, wholesale...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FanProfilePayload(Map<String, Boolean> consents, List<String> tags) implements EventPayload {

    public FanProfilePayload {
        consents = Checks.map(consents);
        tags = Checks.list(tags);
    }
}
