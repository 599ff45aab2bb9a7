package org.omnichannel.connector.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Money;

/** Shopify sends amounts as decimal strings in the shop's currency ({@code "199.00"}); converted exactly. */
final class ShopifyMoney {

    private ShopifyMoney() {
    }

    static Money of(JsonNode parent, String field, String where, String currency) {
        return Money.of(JsonBodies.requireDecimal(parent, field, where), currency);
    }

    static Money orNull(JsonNode parent, String field, String where, String currency) {
        var value = JsonBodies.decimal(parent, field, where);
        return value == null ? null : Money.of(value, currency);
    }

    /** The shop-money amount of a {@code *_set} object ({@code {"shop_money": {"amount": "3.98", ...}}}), or null. */
    static Money shopMoney(JsonNode parent, String setField, String where) {
        JsonNode shop = JsonBodies.child(JsonBodies.child(parent, setField), "shop_money");
        String amount = JsonBodies.text(shop, "amount");
        String currency = JsonBodies.text(shop, "currency_code");
        if (amount == null || currency == null) {
            return null;
        }
        return Money.of(JsonBodies.requireDecimal(shop, "amount", where + "." + setField + ".shop_money"), currency);
    }
}
