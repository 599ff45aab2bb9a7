package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.ChannelKind;

import java.math.BigDecimal;

/**
 * A place that has a product: an online channel, or a store (a facility, and the channel that sells
 * from it).
 *
 * @param channelId   the channel to send the fan to
 * @param channelKind its kind
 * @param facilityId  the store, for an offline source; null for an online channel
 * @param available   units available to sell there (> 0)
 * @param distanceKm  for a store, how far it is from the asking store; null when not known or online
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockSource(String channelId, ChannelKind channelKind, String facilityId, BigDecimal available,
                          Double distanceKm) {

    public StockSource {
        if (channelId == null || channelId.isBlank() || channelKind == null) {
            throw new IllegalArgumentException("a stock source needs a channelId and a channelKind");
        }
        if (available == null || available.signum() <= 0) {
            throw new IllegalArgumentException("a stock source must have stock, " + channelId + " has " + available);
        }
    }

    /** "web-cn" or "store-sh-2 (3.2 km)", for a clerk. */
    public String describe() {
        String where = facilityId == null ? channelId : facilityId;
        return distanceKm == null ? where : where + " (" + String.format(java.util.Locale.ROOT, "%.1f", distanceKm) + " km)";
    }
}
