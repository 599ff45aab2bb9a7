package org.omnichannel.connector.shopify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Shopify webhook topics this connector maps ({@code X-Shopify-Topic}). */
enum ShopifyTopic {
    ORDERS_CREATE("orders/create"),
    ORDERS_UPDATED("orders/updated"),
    ORDERS_CANCELLED("orders/cancelled"),
    REFUNDS_CREATE("refunds/create"),
    CUSTOMERS_CREATE("customers/create"),
    CUSTOMERS_UPDATE("customers/update"),
    INVENTORY_LEVELS_UPDATE("inventory_levels/update");

    private final String wireName;

    ShopifyTopic(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<ShopifyTopic> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    static String supported() {
        return Arrays.stream(values()).map(ShopifyTopic::wireName).collect(Collectors.joining(", "));
    }
}
