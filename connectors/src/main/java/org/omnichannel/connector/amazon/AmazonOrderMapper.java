package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PersonDetails;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders API v0 answers (getOrder, getOrderItems, getOrderAddress, getOrderBuyerInfo; field names as in
 * ordersV0.json) → one order event.
 *
 * <p><b>Type and id.</b> {@code Canceled} → ORDER_CANCELLED; {@code Unshipped} with nothing shipped →
 * ORDER_PLACED (the first state in which Amazon gives prices: it withholds them while {@code Pending});
 * any other status → ORDER_UPDATED. The eventId is derived from the order id and {@code LastUpdateDate},
 * so a redelivered notification, or the poll finding the same order, gives the same event, while every real
 * change (which moves LastUpdateDate) gives a new one. The back office therefore upserts by orderId.
 *
 * <p><b>Buyer.</b> Orders API v0 has no buyer id; {@code BuyerEmail} is Amazon's masked relay address
 * ({@code ...@marketplace.amazon.com}), stable per buyer and seller, so it is the
 * MARKETPLACE_BUYER_ID (namespace: the {@code MarketplaceId}, verified: Amazon issued it) and also an
 * unverified EMAIL (it relays mail). {@code BuyerName} and the ship-to are the person's details.
 *
 * <p><b>Money, exact.</b> {@code ItemPrice} is the price of the whole line (unit price × quantity,
 * ordersV0.json); the line total is ItemPrice − PromotionDiscount; the unit price is ItemPrice / quantity,
 * rounded half-even to the currency's minor unit only when it does not divide exactly. Subtotal = Σ ItemPrice,
 * discounts = Σ PromotionDiscount + Σ ShippingDiscount, shipping = Σ ShippingPrice, tax = Σ ItemTax +
 * ShippingTax, grand total = the order's {@code OrderTotal}. Lines are keyed by {@code SellerSKU}; a line
 * with {@code QuantityOrdered} 0 (cancelled item) is left out.
 */
final class AmazonOrderMapper {

    private AmazonOrderMapper() {
    }

    static ChannelEvent map(JsonNode order, List<JsonNode> items, JsonNode address, JsonNode buyer,
                            ChannelContext channel, Instant receivedAt) {
        String id = JsonBodies.requireText(order, "AmazonOrderId", "order");
        String status = JsonBodies.requireText(order, "OrderStatus", "order");
        Instant updated = JsonBodies.requireInstant(order, "LastUpdateDate", "order");
        String marketplace = JsonBodies.requireText(order, "MarketplaceId", "order");
        EventType type = "Canceled".equals(status) ? EventType.ORDER_CANCELLED
                : "Unshipped".equals(status) && order.path("NumberOfItemsShipped").asInt(0) == 0 ? EventType.ORDER_PLACED
                : EventType.ORDER_UPDATED;
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), AmazonConnector.SYSTEM)
                .externalId("order", id, updated.toString())
                .type(type)
                .occurredAt(updated)
                .receivedAt(receivedAt);
        String email = JsonBodies.text(buyer, "BuyerEmail");
        if (email != null) {
            event.identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, email, marketplace, true));
            event.identity(Identity.of(IdentityType.EMAIL, email));
        }
        Address shipTo = address(JsonBodies.child(address, "ShippingAddress"));
        if (shipTo == null) {
            shipTo = address(JsonBodies.child(order, "ShippingAddress"));
        }
        String name = JsonBodies.text(buyer, "BuyerName");
        if (name != null || shipTo != null) {
            event.person(new PersonDetails(name, null, null, null, null, null, shipTo));
        }
        return event.payload(payload(order, id, status, items, shipTo)).build();
    }

    private static OrderPayload payload(JsonNode order, String id, String status, List<JsonNode> items, Address shipTo) {
        String currency = currency(order, items);
        Money subtotal = Money.zero(currency);
        Money discounts = Money.zero(currency);
        Money shipping = Money.zero(currency);
        Money tax = Money.zero(currency);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "orderItems[" + i + "]";
            BigDecimal quantity = JsonBodies.requireDecimal(item, "QuantityOrdered", where);
            Money price = money(item, "ItemPrice", where, currency);
            Money promotion = money(item, "PromotionDiscount", where, currency);
            subtotal = subtotal.plus(price);
            discounts = discounts.plus(promotion).plus(money(item, "ShippingDiscount", where, currency));
            shipping = shipping.plus(money(item, "ShippingPrice", where, currency));
            tax = tax.plus(money(item, "ItemTax", where, currency)).plus(money(item, "ShippingTax", where, currency));
            if (quantity.signum() <= 0) {
                continue;
            }
            String lineId = JsonBodies.requireText(item, "OrderItemId", where);
            Money unit = Money.of(price.toDecimal().divide(quantity, price.toDecimal().scale(), RoundingMode.HALF_EVEN), currency);
            lines.add(new OrderLine(lineId, JsonBodies.text(item, "SellerSKU"),
                    JsonBodies.text(item, "SellerSKU") == null ? "amazon:asin:" + JsonBodies.requireText(item, "ASIN", where) : null,
                    JsonBodies.text(item, "Title"), quantity, unit, promotion.isZero() ? null : promotion, price.minus(promotion)));
        }
        JsonNode total = order.get("OrderTotal");
        Money grand = total != null && total.isObject() ? money(order, "OrderTotal", "order", currency)
                : subtotal.minus(discounts).plus(shipping).plus(tax);
        return new OrderPayload(id, null, status, currency, lines, subtotal, discounts.isZero() ? null : discounts,
                shipping, tax, grand, null, shipTo, FulfilmentMode.SHIP, null, null);
    }

    private static String currency(JsonNode order, List<JsonNode> items) {
        String currency = JsonBodies.text(JsonBodies.child(order, "OrderTotal"), "CurrencyCode");
        for (int i = 0; currency == null && i < items.size(); i++) {
            currency = JsonBodies.text(JsonBodies.child(items.get(i), "ItemPrice"), "CurrencyCode");
        }
        if (currency == null) {
            throw new BadPayloadException("order " + JsonBodies.text(order, "AmazonOrderId")
                    + " has neither OrderTotal nor an ItemPrice: no currency to read amounts in");
        }
        return currency;
    }

    /** An Orders API Money ({@code {"CurrencyCode","Amount"}}) in the order's currency; zero when absent. */
    private static Money money(JsonNode parent, String field, String where, String currency) {
        return JsonBodies.money(parent, field, "CurrencyCode", "Amount", where, currency);
    }

    /** An Orders API Address, or null when there is none. */
    static Address address(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String line2 = JsonBodies.text(address, "AddressLine2");
        String line3 = JsonBodies.text(address, "AddressLine3");
        if (line3 != null) {
            line2 = line2 == null ? line3 : line2 + ", " + line3;
        }
        return new Address(JsonBodies.text(address, "Name"), JsonBodies.text(address, "AddressLine1"), line2,
                JsonBodies.text(address, "City"), JsonBodies.text(address, "StateOrRegion"),
                JsonBodies.text(address, "PostalCode"), JsonBodies.text(address, "CountryCode"),
                JsonBodies.text(address, "Phone"));
    }
}
