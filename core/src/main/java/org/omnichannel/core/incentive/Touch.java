package org.omnichannel.core.incentive;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionKind;

import java.time.Instant;

/**
 * An employee's contact with a fan that may later earn a referral commission: a REFERRAL
 * interaction (code or QR handed over), or any interaction of an identified fan with an employee.
 *
 * @param fanId        the fan as resolved when the touch happened, or null (a code handed to an anonymous fan)
 * @param facilityId   where it happened, or null
 * @param referralCode the code handed over, or null
 */
public record Touch(String eventId, String fanId, String employeeId, String channelId, ChannelKind channelKind,
                    String facilityId, InteractionKind subtype, Instant at, String referralCode) {
}
