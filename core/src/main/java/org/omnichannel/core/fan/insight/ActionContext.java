package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.ChannelKind;

import java.time.Instant;
import java.util.List;

/**
 * Where and when advice is asked for: a clerk in a store with the fan in front of them, or the
 * service desk.
 *
 * @param asOf        now
 * @param channelId   the channel the fan is on now (the store's channel), or null at the service desk
 * @param channelKind its kind, or null
 * @param facilityId  the store the fan is in, or null
 * @param employeeId  the clerk asking, or null
 * @param productIds  products the fan is asking about right now (tried on, asked for), possibly empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionContext(Instant asOf, String channelId, ChannelKind channelKind, String facilityId,
                            String employeeId, List<String> productIds) {

    public ActionContext {
        if (asOf == null) {
            throw new IllegalArgumentException("ActionContext.asOf is required");
        }
        if ((channelId == null) != (channelKind == null)) {
            throw new IllegalArgumentException("ActionContext needs both channelId and channelKind, or neither");
        }
        if (facilityId != null && (channelKind == null || !channelKind.isOffline())) {
            throw new IllegalArgumentException("ActionContext.facilityId " + facilityId
                    + " needs an offline channel (OFFLINE_DIRECT or OFFLINE_FRANCHISE), was " + channelKind);
        }
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    /** A clerk in a store, with the fan in front of them. */
    public static ActionContext inStore(Instant asOf, String channelId, ChannelKind kind, String facilityId,
                                        String employeeId, String... productIds) {
        return new ActionContext(asOf, channelId, kind, facilityId, employeeId, List.of(productIds));
    }

    /** The service desk, with no channel of its own. */
    public static ActionContext serviceDesk(Instant asOf) {
        return new ActionContext(asOf, null, null, null, null, List.of());
    }

    boolean inStore() {
        return facilityId != null;
    }
}
