package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code orders/create} → ORDER_PLACED, {@code orders/updated} → ORDER_UPDATED (ORDER_CANCELLED once
 * {@code cancelled_at} is set), {@code orders/cancelled} → ORDER_CANCELLED.
 *
 * <p>Totals are the order's original ones ({@code total_line_items_price}, {@code total_discounts},
 * {@code total_shipping_price_set}, {@code total_tax}, {@code total_price}): refunds travel as their
 * own REFUND_ISSUED events. A line's discount is the sum of its {@code discount_allocations}; its
 * total is price × quantity − discount. A line without a SKU is identified by Shopify's variant gid.
 * A referral code is read from the note attribute named by the setting {@code referralAttribute}
 * (default {@code referral_code}).
 */
final class ShopifyOrderMapper {

    private ShopifyOrderMapper() {
    }

    static ChannelEvent map(ShopifyTopic topic, JsonNode order, ShopifyEnvelope envelope) {
        String id = JsonBodies.requireText(order, "id", "order");
        Instant cancelledAt = JsonBodies.instant(order, "cancelled_at", "order");
        EventType type;
        Instant occurredAt;
        String[] externalId;
        if (topic == ShopifyTopic.ORDERS_CREATE) {
            type = EventType.ORDER_PLACED;
            occurredAt = JsonBodies.requireInstant(order, "created_at", "order");
            externalId = new String[] {"order", id, "placed"};
        } else if (topic == ShopifyTopic.ORDERS_CANCELLED || cancelledAt != null) {
            type = EventType.ORDER_CANCELLED;
            occurredAt = cancelledAt != null ? cancelledAt : JsonBodies.requireInstant(order, "updated_at", "order");
            externalId = new String[] {"order", id, "cancelled"};
        } else {
            type = EventType.ORDER_UPDATED;
            occurredAt = JsonBodies.requireInstant(order, "updated_at", "order");
            externalId = new String[] {"order", id, "updated", occurredAt.toString()};
        }
        ChannelEvent.Builder event = envelope.event(type, occurredAt, externalId);
        JsonNode customer = order.get("customer");
        ShopifyCustomerMapper.identities(customer, JsonBodies.text(order, "email"), JsonBodies.text(order, "phone"),
                envelope).forEach(event::identity);
        event.person(ShopifyCustomerMapper.person(customer, order.get("billing_address"),
                JsonBodies.text(order, "customer_locale")));
        return event.payload(payload(order, id, envelope)).build();
    }

    private static OrderPayload payload(JsonNode order, String id, ShopifyEnvelope envelope) {
        String currency = JsonBodies.requireText(order, "currency", "order");
        List<OrderLine> lines = new ArrayList<>();
        boolean shipping = false;
        JsonNode items = order.path("line_items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            lines.add(line(item, "order.line_items[" + i + "]", currency));
            shipping |= item.path("requires_shipping").asBoolean(true);
        }
        if (lines.isEmpty()) {
            throw new BadPayloadException("order.line_items is missing or empty");
        }
        Money shippingTotal = ShopifyMoney.shopMoney(order, "total_shipping_price_set", "order");
        return new OrderPayload(id, JsonBodies.text(order, "name"), JsonBodies.text(order, "financial_status"),
                currency, lines,
                ShopifyMoney.orNull(order, "total_line_items_price", "order", currency),
                ShopifyMoney.orNull(order, "total_discounts", "order", currency),
                shippingTotal,
                ShopifyMoney.orNull(order, "total_tax", "order", currency),
                ShopifyMoney.of(order, "total_price", "order", currency),
                ShopifyCustomerMapper.address(order.get("billing_address")),
                ShopifyCustomerMapper.address(order.get("shipping_address")),
                shipping ? FulfilmentMode.SHIP : FulfilmentMode.DIGITAL,
                null,
                referralCode(order, envelope));
    }

    private static OrderLine line(JsonNode item, String where, String currency) {
        String lineId = JsonBodies.requireText(item, "id", where);
        BigDecimal quantity = JsonBodies.requireDecimal(item, "quantity", where);
        Money unitPrice = ShopifyMoney.of(item, "price", where, currency);
        Money discount = Money.zero(currency);
        JsonNode allocations = item.path("discount_allocations");
        for (int i = 0; i < allocations.size(); i++) {
            discount = discount.plus(ShopifyMoney.of(allocations.get(i), "amount",
                    where + ".discount_allocations[" + i + "]", currency));
        }
        Money gross = Money.of(unitPrice.toDecimal().multiply(quantity), currency);
        String sku = JsonBodies.text(item, "sku");
        String variant = JsonBodies.text(item, "variant_id");
        String productId = sku == null && variant != null ? "gid://shopify/ProductVariant/" + variant : null;
        return new OrderLine(lineId, sku, productId, JsonBodies.text(item, "name"), quantity, unitPrice,
                discount.isZero() ? null : discount, gross.minus(discount));
    }

    private static String referralCode(JsonNode order, ShopifyEnvelope envelope) {
        String name = envelope.channel().setting("referralAttribute").orElse("referral_code");
        for (JsonNode attribute : order.path("note_attributes")) {
            if (name.equals(JsonBodies.text(attribute, "name"))) {
                return JsonBodies.text(attribute, "value");
            }
        }
        return null;
    }
}
