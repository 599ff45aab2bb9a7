package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param lineId    the vendor's line id (used by refunds); required
 * @param sku       the SKU the channel sold, the key to the brand's product
 * @param productId the brand's product id when the channel knows it
 * @param quantity  greater than zero
 * @param unitPrice price of one unit before line discounts
 * @param discount  total discount on the line (positive), or null
 * @param lineTotal what the fan pays for the line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderLine(String lineId, String sku, String productId, String title, BigDecimal quantity,
                        Money unitPrice, Money discount, Money lineTotal) {

    public OrderLine {
        lineId = Checks.requiredText(lineId, "line.lineId");
        sku = Checks.optionalText(sku);
        productId = Checks.optionalText(productId);
        title = Checks.optionalText(title);
        if (sku == null && productId == null) {
            throw new IllegalArgumentException("line " + lineId + " needs a sku or a productId");
        }
        Checks.positive(quantity, "line " + lineId + " quantity");
        Checks.required(unitPrice, "line " + lineId + " unitPrice");
        Checks.required(lineTotal, "line " + lineId + " lineTotal");
        Checks.sameCurrency(unitPrice.currency(), discount, "line " + lineId + " discount");
        Checks.sameCurrency(unitPrice.currency(), lineTotal, "line " + lineId + " lineTotal");
    }
}
