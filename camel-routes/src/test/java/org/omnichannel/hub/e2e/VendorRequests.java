package org.omnichannel.hub.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.hub.e2e.VendorRequest.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every recorded webhook fixture of ../shared/fixtures, as its vendor would send it: the vendors'
 * own signed test vectors as recorded (signature, timestamp and all), the other payloads signed now
 * with the channel's test secret exactly as the connector tests sign them.
 */
final class VendorRequests {

    static final String SHOPIFY_SECRET = "shop-eu-test-secret";
    static final String STRIPE_SECRET = "whsec_pay_eu_test_secret";
    static final String SQUARE_KEY = "store-sf-test-signature-key";
    static final String SQUARE_VECTOR_URL = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
    static final String WOO_SECRET = "wc-shop-us-test-secret";
    static final String WECHAT_TOKEN = "omni-test-token";
    static final String WECHAT_APP_ID = "wx1f2e3d4c5b6a7980";

    /**
     * Square payloads that are no business event: a payment only APPROVED, orders that carry only a
     * summary (fetched from Square's API, not mapped from the webhook), a catalog change.
     */
    private static final java.util.Set<String> SQUARE_NO_EVENT = java.util.Set.of("payment.created.json", "order.created.json",
            "order.fulfillment.updated.json", "catalog.version.updated.json");

    private final Path fixtures;
    private final Path connectorResources;
    private final String baseUrl;

    /**
     * @param connectorResources the connectors module's test resources, for payloads of the connector
     *                           tests' own (Stripe's consistent copies of the recorded events)
     */
    VendorRequests(Path fixtures, Path connectorResources, String baseUrl) {
        this.fixtures = fixtures;
        this.connectorResources = connectorResources;
        this.baseUrl = baseUrl;
    }

    List<VendorRequest> all() {
        List<VendorRequest> all = new ArrayList<>();
        all.addAll(alipay());
        all.addAll(shopify());
        all.addAll(stripe());
        all.addAll(square());
        all.add(VendorRequest.post("woocommerce order.created", "wc-shop-us", Map.of(
                "X-WC-Webhook-Signature", base64Hmac(WOO_SECRET, fixture("woocommerce/order.created.json")),
                "X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Source", "https://example.com/",
                "X-WC-Webhook-Delivery-ID", "1bd5ab2d8ef1e2a1a1e0a4f9f2c1c5b4", "Content-Type", "application/json"),
                fixture("woocommerce/order.created.json")));
        all.add(VendorRequest.post("meta computed vector (a feed change that maps to nothing)", "social-ig", Map.of(
                "X-Hub-Signature-256", "sha256=7150ba11d17941f8084bd826a3e89465ea6d3371cdf0972494b83c0cd8194e98",
                "Content-Type", "application/json"), fixture("meta/COMPUTED-not-official.unicode-escaped.body.json"))
                .expecting(Outcome.NO_EVENT));
        all.add(VendorRequest.post("douyin life_trade_order_notify (docs vector)", "douyin-ll", Map.of(
                "X-Douyin-Signature", "bcfd58462ac9a7ebe9dde2b77d0809b602ba4a6b", "Msg-Id", "7154960713123186220",
                "Content-Type", "application/json"), fixture("douyin/life_trade_order_notify.docs-example.json")));
        all.addAll(wechatOa());
        all.add(VendorRequest.post("wechatpay payscore.user_open_service (official vector A)", "wxpay-vector", Map.of(
                "Wechatpay-Timestamp", "1624523846", "Wechatpay-Nonce", "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz",
                "Wechatpay-Serial", "D7CE59D1F522D701", "Wechatpay-Signature",
                "tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6LfTnK4mikv9++"
                        + "ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8hrfUjEE8kkry6yNJT"
                        + "HZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ90GAihDwIcb16TQMnzCMBoutn"
                        + "wZKNiKRACrFmtxw2Q==",
                "Content-Type", "application/json"), fixture("wechatpay/payscore.user_open_service.signed-body.json"))
                .expecting(Outcome.NO_EVENT));
        all.add(VendorRequest.post("ebay MARKETPLACE_ACCOUNT_DELETION (eBay SDK vector, key fetched by kid)", "ebay-us", Map.of(
                "X-EBAY-SIGNATURE", text("ebay/MARKETPLACE_ACCOUNT_DELETION.headers.json", "X-EBAY-SIGNATURE"),
                "Content-Type", "application/json"), fixture("ebay/MARKETPLACE_ACCOUNT_DELETION.signed-body.json")));
        return all;
    }

    private String text(String jsonFixture, String field) {
        try {
            return new ObjectMapper().readTree(fixture(jsonFixture)).path(field).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<VendorRequest> alipay() {
        String form = "application/x-www-form-urlencoded; charset=utf-8";
        return List.of(
                VendorRequest.post("alipay trade_status_sync TRADE_SUCCESS (the recorded raw form body)", "alipay-cn",
                        Map.of("Content-Type", form), fixture("alipay/trade_status_sync.TRADE_SUCCESS.form-urlencoded.txt")),
                VendorRequest.post("alipay servicemarket_order_notify (official vector, V2 signed content)", "alipay-market",
                        Map.of("Content-Type", form), form(params("alipay/servicemarket_order_notify.params.json"))));
    }

    private List<VendorRequest> shopify() {
        List<VendorRequest> requests = new ArrayList<>();
        String[][] topics = {{"orders/create", "orders.rest-resource.json"}, {"orders/updated", "orders.rest-resource.json"},
                {"refunds/create", "refunds.rest-resource.json"}, {"customers/create", "customers.rest-resource.json"},
                {"inventory_levels/update", "inventory_levels.rest-resource.json"}};
        for (String[] topic : topics) {
            byte[] body = fixture("shopify/" + topic[1]);
            requests.add(VendorRequest.post("shopify " + topic[0], "shop-eu", Map.of(
                    "X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body), "X-Shopify-Topic", topic[0],
                    "X-Shopify-Shop-Domain", "jsmith.myshopify.com", "X-Shopify-API-Version", "2025-07",
                    "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "Content-Type", "application/json"), body));
        }
        requests.add(VendorRequest.post("shopify products/create (official SDK vector, not mapped)", "shop-vector", Map.of(
                "X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=", "X-Shopify-Topic", "products/create",
                "X-Shopify-Shop-Domain", "shop1.myshopify.io", "X-Shopify-API-Version", "2023-01",
                "X-Shopify-Webhook-Id", "123456789", "Content-Type", "application/json"), fixture("shopify/hmac-vector.body.txt"))
                .expecting(Outcome.NO_EVENT));
        return requests;
    }

    private List<VendorRequest> stripe() {
        List<VendorRequest> requests = new ArrayList<>();
        // The recorded ASSEMBLED events contradict their type (a succeeded intent that captured nothing): the
        // hub refuses them with 400. The connector tests' consistent copies are delivered.
        for (String name : List.of("payment_intent.succeeded.ASSEMBLED.json", "checkout.session.completed.ASSEMBLED.json",
                "charge.refunded.ASSEMBLED.json", "event.envelope.example.json", "payment_intent.succeeded.consistent.json",
                "checkout.session.completed.consistent.json", "charge.refunded.consistent.json")) {
            byte[] body = name.contains("consistent") ? read(connectorResources.resolve("stripe/" + name))
                    : fixture("stripe/" + name);
            long t = Instant.now().getEpochSecond();
            String v1 = HexFormat.of().formatHex(Signatures.hmacSha256(STRIPE_SECRET,
                    concat((t + ".").getBytes(StandardCharsets.UTF_8), body)));
            requests.add(VendorRequest.post("stripe " + name, "pay-eu", Map.of("Stripe-Signature", "t=" + t + ",v1=" + v1,
                    "Content-Type", "application/json"), body).expecting(name.contains("ASSEMBLED") ? Outcome.REFUSED
                    : name.startsWith("event.envelope") ? Outcome.NO_EVENT : Outcome.EVENTS)); // the envelope is a plan.created
        }
        requests.add(VendorRequest.post("stripe customer.created (official test vector)", "pay-vector", Map.of(
                "Stripe-Signature", "t=1533204620,v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7,"
                        + "v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef",
                "Content-Type", "application/json; charset=utf-8"), fixture("stripe/event_test_signature.customer.created.json")));
        return requests;
    }

    private List<VendorRequest> square() {
        List<VendorRequest> requests = new ArrayList<>();
        // Square signs the notification URL and the body: here the URL the hub is really called on.
        byte[] url = (baseUrl + "/webhooks/store-sf").getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("payment.created.json", "payment.updated.json", "refund.created.json", "customer.created.json",
                "inventory.count.updated.json", "order.created.json", "order.fulfillment.updated.json",
                "catalog.version.updated.json")) {
            byte[] body = fixture("square/" + name);
            requests.add(VendorRequest.post("square " + name, "store-sf", Map.of("x-square-hmacsha256-signature",
                    Base64.getEncoder().encodeToString(Signatures.hmacSha256(SQUARE_KEY, concat(url, body))),
                    "Content-Type", "application/json"), body).expecting(SQUARE_NO_EVENT.contains(name) ? Outcome.NO_EVENT
                    : Outcome.EVENTS));
        }
        requests.add(VendorRequest.post("square webhooks.test_notification (official vector)", "store-vector", Map.of(
                "x-square-hmacsha256-signature", "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=", "Content-Type", "application/json"),
                fixture("square/webhooks.test_notification.signed-body.json")).expecting(Outcome.NO_EVENT));
        return requests;
    }

    private List<VendorRequest> wechatOa() {
        List<VendorRequest> requests = new ArrayList<>();
        for (String name : List.of("text.xml", "event.subscribe.xml", "event.SCAN.xml")) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String nonce = "486452656";
            requests.add(new VendorRequest("wechat-oa " + name + " (plaintext mode)", "wx-oa", "POST", Map.of(
                    "signature", sha1Sorted(WECHAT_TOKEN, timestamp, nonce), "timestamp", timestamp, "nonce", nonce),
                    Map.of("Content-Type", "text/xml"), fixture("wechat-oa/" + name)));
        }
        requests.add(new VendorRequest("wechat-oa debug_demo JSON push (docs vector, not mapped)", "wx-oa-doc", "POST", Map.of(
                "signature", "899cf89e464efb63f54ddac96b0a0a235f53aa78", "timestamp", "1714037059", "nonce", "486452656",
                "openid", "o9AgO5Kd5ggOC-bXrbNODIiE3bGY"), Map.of("Content-Type", "text/xml"),
                fixture("wechat-oa/event.debug_demo.plaintext-mode.json")).expecting(Outcome.NO_EVENT));
        requests.add(new VendorRequest("wechat-oa safe mode (Tencent's WXBizMsgCrypt sample)", "wx-oa-sample", "POST", Map.of(
                "msg_signature", "477715d11cdb4164915debcba66cb864d751f3e6", "timestamp", "1409659813", "nonce", "1372623149",
                "encrypt_type", "aes"), Map.of("Content-Type", "text/xml"),
                fixture("wechat-oa/safe-mode.encrypted-envelope.wecom-sample.xml")));
        return requests;
    }

    private byte[] fixture(String relative) {
        return read(fixtures.resolve(relative));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> params(String relative) {
        try {
            return new ObjectMapper().readValue(fixture(relative), new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form body as Alipay's servers encode it (as the Alipay connector's tests build it from the vector's parameters). */
    private static byte[] form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64Hmac(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, body));
    }

    private static String sha1Sorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
