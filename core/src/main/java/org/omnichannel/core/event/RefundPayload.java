package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Money given back to the fan. {@link #amount()} is positive: the direction is the event type's.
 *
 * @param restockFacility where returned goods went back into stock (an online order returned in a
 *                        store names that store), or null when nothing was restocked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundPayload(String refundId, String orderId, Money amount, List<RefundLine> lines,
                            String reason, FacilityRef restockFacility) implements EventPayload {

    public RefundPayload {
        refundId = Checks.requiredText(refundId, "refund.refundId");
        orderId = Checks.requiredText(orderId, "refund.orderId");
        Checks.required(amount, "refund.amount");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("refund.amount must be positive, was " + amount);
        }
        lines = Checks.list(lines);
        for (RefundLine line : lines) {
            Checks.sameCurrency(amount.currency(), line.amount(), "refund line " + line.lineId());
        }
        reason = Checks.optionalText(reason);
    }
}
