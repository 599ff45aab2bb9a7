package org.omnichannel.ofbiz.test;

/**
 * The order, payment and refund events that {@link OmnichannelOrderTests} ingests inside OFBiz, as
 * the hub posts them (canonical ChannelEvent JSON). Plain strings, so that a unit test outside
 * OFBiz proves each one is a valid event.
 */
public final class OrderTestEvents {

    private OrderTestEvents() {
    }

    /** An order of the web shop (store 9000): one line of the brand SKU SG-CASE-HARD (GZ-2644), shipping, paid. */
    public static String orderPlaced(String eventId, String orderId, String email, String sku) {
        return order(eventId, "ORDER_PLACED", orderId, email, sku, "paid");
    }

    public static String orderCancelled(String eventId, String orderId, String email) {
        return order(eventId, "ORDER_CANCELLED", orderId, email, "SG-CASE-HARD", "cancelled");
    }

    public static String order(String eventId, String type, String orderId, String email, String sku, String vendorStatus) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "channelId": "shop-web", "channelKind": "OWN_ECOMMERCE", "system": "shopify",
                 "type": "%s", "occurredAt": "2026-11-20T10:15:00+08:00", "receivedAt": "2026-11-20T02:15:02Z",
                 "identities": [{"type": "EMAIL", "value": "%s"}],
                 "person": {"fullName": "Erika Muster"},
                 "payload": {"kind": "order", "orderId": "%s", "orderNumber": "#%s", "vendorStatus": "%s", "currency": "USD",
                   "lines": [{"lineId": "L1", "sku": "%s", "title": "Hard case", "quantity": 1,
                              "unitPrice": {"amountMinor": 1599, "currency": "USD"},
                              "lineTotal": {"amountMinor": 1599, "currency": "USD"}}],
                   "shippingTotal": {"amountMinor": 500, "currency": "USD"},
                   "grandTotal": {"amountMinor": 2099, "currency": "USD"},
                   "shippingAddress": {"name": "Erika Muster", "line1": "Hauptstrasse 1", "city": "Berlin", "postalCode": "10115",
                                       "countryCode": "DE"},
                   "fulfilment": "SHIP"}}
                """.formatted(eventId, type, email, orderId, orderId, vendorStatus, sku);
    }

    /** The card payment of that order, 20.99 USD. */
    public static String paymentCaptured(String eventId, String orderId, String paymentId, String email) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "channelId": "shop-web", "channelKind": "OWN_ECOMMERCE", "system": "stripe",
                 "type": "PAYMENT_CAPTURED", "occurredAt": "2026-11-20T10:16:00+08:00", "receivedAt": "2026-11-20T02:16:02Z",
                 "identities": [{"type": "EMAIL", "value": "%s"}],
                 "payload": {"kind": "payment", "paymentId": "%s", "orderId": "%s",
                   "amount": {"amountMinor": 2099, "currency": "USD"}, "method": "CARD", "provider": "stripe"}}
                """.formatted(eventId, email, paymentId, orderId);
    }

    /** A refund of 5.00 USD of that order. */
    public static String refundIssued(String eventId, String orderId, String refundId, String email) {
        return """
                {"schemaVersion": 1, "eventId": "%s", "channelId": "shop-web", "channelKind": "OWN_ECOMMERCE", "system": "shopify",
                 "type": "REFUND_ISSUED", "occurredAt": "2026-11-21T09:00:00+08:00", "receivedAt": "2026-11-21T01:00:02Z",
                 "identities": [{"type": "EMAIL", "value": "%s"}],
                 "payload": {"kind": "refund", "refundId": "%s", "orderId": "%s",
                   "amount": {"amountMinor": 500, "currency": "USD"}, "reason": "shipping refunded"}}
                """.formatted(eventId, email, refundId, orderId);
    }
}
