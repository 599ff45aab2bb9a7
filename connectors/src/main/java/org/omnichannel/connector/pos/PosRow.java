package org.omnichannel.connector.pos;

import org.omnichannel.core.event.PaymentMethod;

import java.math.BigDecimal;
import java.time.Instant;

/** One valid row of a POS CSV file, typed by its record_type; {@link #line()} is where it starts. */
sealed interface PosRow {

    int line();

    String storeId();

    String orderId();

    /** The receipt: where, when, who served, the totals, and the fan's identifiers if the till took any. */
    record Order(int line, String storeId, String orderId, Instant occurredAt, String clerkId, String currency,
                 BigDecimal total, BigDecimal discount, String loyaltyCard, String phone) implements PosRow {
    }

    /** One line of the receipt, amounts in the order's currency. */
    record Line(int line, String storeId, String orderId, String lineId, String sku, String title,
                BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal lineTotal) implements PosRow {
    }

    /** One payment of the receipt, with the payment provider's id of the payer when it gave one. */
    record Payment(int line, String storeId, String orderId, String paymentId, PaymentMethod method,
                   BigDecimal amount, String payerId, String payerAppId) implements PosRow {
    }
}
