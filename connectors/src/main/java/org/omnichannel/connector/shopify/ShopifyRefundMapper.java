package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.RefundLine;
import org.omnichannel.core.event.RefundPayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code refunds/create} → REFUND_ISSUED. The amount is what was paid back: the sum of the refund's
 * successful {@code refund} transactions; when a refund carries none (a restock-only refund with
 * lines), the sum of its lines' subtotal and tax. Each refunded line gives back its
 * {@code subtotal_set} + {@code total_tax_set} in shop money. Goods restocked (any line with a
 * {@code restock_type} other than {@code no_restock}) name the line's location as restock facility.
 */
final class ShopifyRefundMapper {

    private ShopifyRefundMapper() {
    }

    static ChannelEvent map(JsonNode refund, ShopifyEnvelope envelope) {
        String id = JsonBodies.requireText(refund, "id", "refund");
        String orderId = JsonBodies.requireText(refund, "order_id", "refund");
        Instant processed = JsonBodies.instant(refund, "processed_at", "refund");
        Instant occurredAt = processed != null ? processed : JsonBodies.requireInstant(refund, "created_at", "refund");

        List<RefundLine> lines = new ArrayList<>();
        Money linesTotal = null;
        String restockLocation = null;
        JsonNode items = refund.path("refund_line_items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "refund.refund_line_items[" + i + "]";
            Money subtotal = ShopifyMoney.shopMoney(item, "subtotal_set", where);
            if (subtotal == null) {
                throw new BadPayloadException(where + ".subtotal_set.shop_money is missing");
            }
            Money tax = ShopifyMoney.shopMoney(item, "total_tax_set", where);
            Money amount = tax == null ? subtotal : subtotal.plus(tax);
            linesTotal = linesTotal == null ? amount : linesTotal.plus(amount);
            lines.add(new RefundLine(JsonBodies.requireText(item, "line_item_id", where),
                    JsonBodies.text(item.path("line_item"), "sku"),
                    JsonBodies.requireDecimal(item, "quantity", where), amount));
            if (restockLocation == null && !"no_restock".equals(JsonBodies.text(item, "restock_type"))
                    && refund.path("restock").asBoolean(true)) {
                restockLocation = JsonBodies.text(item, "location_id");
            }
        }
        Money paidBack = null;
        JsonNode transactions = refund.path("transactions");
        for (int i = 0; i < transactions.size(); i++) {
            JsonNode transaction = transactions.get(i);
            if ("refund".equals(JsonBodies.text(transaction, "kind"))
                    && "success".equals(JsonBodies.text(transaction, "status"))) {
                String where = "refund.transactions[" + i + "]";
                Money amount = ShopifyMoney.of(transaction, "amount", where,
                        JsonBodies.requireText(transaction, "currency", where));
                paidBack = paidBack == null ? amount : paidBack.plus(amount);
            }
        }
        Money amount = paidBack != null ? paidBack : linesTotal;
        if (amount == null) {
            throw new BadPayloadException("refund " + id + " has neither successful refund transactions nor refund_line_items");
        }
        return envelope.event(EventType.REFUND_ISSUED, occurredAt, "refund", id)
                .payload(new RefundPayload(id, orderId, amount, lines, JsonBodies.text(refund, "note"),
                        restockLocation == null ? null : new FacilityRef(restockLocation, null)))
                .build();
    }
}
