package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** The part of one order line that a refund gives back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundLine(String lineId, String sku, BigDecimal quantity, Money amount) {

    public RefundLine {
        lineId = Checks.requiredText(lineId, "refund line.lineId");
        sku = Checks.optionalText(sku);
        Checks.positive(quantity, "refund line " + lineId + " quantity");
        Checks.required(amount, "refund line " + lineId + " amount");
    }
}
