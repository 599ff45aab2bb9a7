package org.omnichannel.connector.woocommerce;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A WooCommerce order (the REST v3 representation, which is the webhook body) as an order event.
 *
 * <p>Times are the {@code *_gmt} fields (UTC without an offset; the plain ones are in the site's
 * time zone, which the payload does not name). A line's total is its {@code total} (after coupons,
 * before tax), its discount {@code subtotal − total}, its unit price {@code subtotal / quantity}
 * rounded to the currency. A line without SKU is identified by its variation id, else its product
 * id. The order subtotal is the sum of line subtotals (WooCommerce sends none). The customer is a
 * {@code MARKETPLACE_BUYER_ID} in the namespace {@code woocommerce:<site>} when {@code customer_id}
 * is not 0 (0 is a guest). A referral code is read from the order meta key named by the setting
 * {@code referralMetaKey} (default {@code referral_code}).
 */
final class WooCommerceOrderMapper {

    private WooCommerceOrderMapper() {
    }

    static ChannelEvent map(boolean created, JsonNode order, ChannelContext channel, Instant receivedAt, String source) {
        String id = JsonBodies.requireText(order, "id", "order");
        String status = JsonBodies.text(order, "status");
        EventType type;
        Instant occurredAt;
        String[] externalId;
        if (created) {
            type = EventType.ORDER_PLACED;
            occurredAt = gmt(order, "date_created_gmt");
            externalId = new String[] {"order", id, "placed"};
        } else if ("cancelled".equals(status)) {
            type = EventType.ORDER_CANCELLED;
            occurredAt = gmt(order, "date_modified_gmt");
            externalId = new String[] {"order", id, "cancelled"};
        } else {
            type = EventType.ORDER_UPDATED;
            occurredAt = gmt(order, "date_modified_gmt");
            externalId = new String[] {"order", id, "updated", occurredAt.toString()};
        }
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), WooCommerceConnector.SYSTEM)
                .externalId(externalId)
                .type(type)
                .occurredAt(occurredAt)
                .receivedAt(receivedAt);
        JsonNode billing = order.path("billing");
        String customer = JsonBodies.text(order, "customer_id");
        if (customer != null && !customer.equals("0")) {
            String site = source != null ? source : channel.setting("siteUrl").orElse(channel.channelId());
            event.identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, customer, "woocommerce:" + site, true));
        }
        event.identity(IdentityType.EMAIL, JsonBodies.text(billing, "email"));
        event.identity(IdentityType.PHONE, JsonBodies.text(billing, "phone"));
        Address billingAddress = address(billing);
        String given = JsonBodies.text(billing, "first_name");
        String family = JsonBodies.text(billing, "last_name");
        if (given != null || family != null || billingAddress != null) {
            String full = given == null ? family : family == null ? given : given + " " + family;
            event.person(new PersonDetails(full, given, family, null, null, null, billingAddress));
        }
        return event.payload(payload(order, id, status, billingAddress, channel)).build();
    }

    private static OrderPayload payload(JsonNode order, String id, String status, Address billing, ChannelContext channel) {
        String currency = JsonBodies.requireText(order, "currency", "order");
        List<OrderLine> lines = new ArrayList<>();
        Money subtotal = Money.zero(currency);
        JsonNode items = order.path("line_items");
        for (int i = 0; i < items.size(); i++) {
            String where = "order.line_items[" + i + "]";
            JsonNode item = items.get(i);
            BigDecimal quantity = JsonBodies.requireDecimal(item, "quantity", where);
            Money lineSubtotal = money(item, "subtotal", where, currency);
            Money lineTotal = money(item, "total", where, currency);
            Money discount = lineSubtotal.minus(lineTotal);
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            Money unit = Money.of(lineSubtotal.toDecimal().divide(quantity, digits, RoundingMode.HALF_UP), currency);
            String sku = JsonBodies.text(item, "sku");
            String variation = JsonBodies.text(item, "variation_id");
            String product = variation != null && !variation.equals("0") ? variation : JsonBodies.text(item, "product_id");
            lines.add(new OrderLine(JsonBodies.requireText(item, "id", where), sku, sku == null ? product : null,
                    WooCommerceText.decode(JsonBodies.text(item, "name")), quantity, unit,
                    discount.amountMinor() > 0 ? discount : null, lineTotal));
            subtotal = subtotal.plus(lineSubtotal);
        }
        if (lines.isEmpty()) {
            throw new BadPayloadException("order.line_items is missing or empty");
        }
        JsonNode shippingLines = order.path("shipping_lines");
        return new OrderPayload(id, JsonBodies.text(order, "number"), status, currency, lines, subtotal,
                money(order, "discount_total", "order", currency),
                money(order, "shipping_total", "order", currency),
                money(order, "total_tax", "order", currency),
                money(order, "total", "order", currency),
                billing, address(order.path("shipping")),
                shippingLines.size() > 0 ? FulfilmentMode.SHIP : FulfilmentMode.DIGITAL, null,
                referralCode(order, channel));
    }

    private static Money money(JsonNode parent, String field, String where, String currency) {
        return Money.of(JsonBodies.requireDecimal(parent, field, where), currency);
    }

    /** A {@code *_gmt} field: UTC, written without an offset ({@code 2017-03-22T19:28:02}). */
    private static Instant gmt(JsonNode order, String field) {
        String value = JsonBodies.requireText(order, field, "order");
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadPayloadException("order." + field + " is not a date-time such as 2017-03-22T19:28:02: '" + value + "'");
        }
    }

    private static Address address(JsonNode address) {
        String line1 = JsonBodies.text(address, "address_1");
        String city = JsonBodies.text(address, "city");
        String country = JsonBodies.text(address, "country");
        if (line1 == null && city == null && country == null) {
            return null;
        }
        String first = JsonBodies.text(address, "first_name");
        String last = JsonBodies.text(address, "last_name");
        String name = first == null ? last : last == null ? first : first + " " + last;
        return new Address(name, line1, JsonBodies.text(address, "address_2"), city, JsonBodies.text(address, "state"),
                JsonBodies.text(address, "postcode"), country, JsonBodies.text(address, "phone"));
    }

    private static String referralCode(JsonNode order, ChannelContext channel) {
        String key = channel.setting("referralMetaKey").orElse("referral_code");
        for (JsonNode meta : order.path("meta_data")) {
            if (key.equals(JsonBodies.text(meta, "key"))) {
                return JsonBodies.text(meta, "value");
            }
        }
        return null;
    }
}
