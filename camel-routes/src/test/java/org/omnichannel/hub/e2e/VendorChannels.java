package org.omnichannel.hub.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One channels file for every connector's fixtures: channels configured as the connector tests
 * configure them, with their secrets written to files (the channels file holds references only),
 * and the vendors' published keys read straight from ../shared/fixtures.
 *
 * <p>Channels that take a vendor's recorded test vector (signed years ago with a fixed timestamp)
 * set {@code toleranceSeconds} so that the recorded signature is accepted as it was made; every
 * other channel keeps the vendor's default tolerance and gets requests signed now.
 */
final class VendorChannels {

    /** A tolerance that reaches back to the oldest recorded vector (2014). */
    private static final String VECTOR_TOLERANCE = "1000000000";

    private VendorChannels() {
    }

    static String write(Path dir, Path fixtures, String ebayApiBaseUrl) {
        String yaml = "channels:\n"
                + channel("alipay-cn", "alipay", "OWN_ECOMMERCE", "", secret("alipayPublicKey",
                        fixtures.resolve("alipay/alipay-notify-sign-public-key-v1.pem")))
                + channel("alipay-market", "alipay", "OWN_ECOMMERCE", "", secret("alipayPublicKey",
                        fixtures.resolve("alipay/alipay-notify-sign-public-key-v2.pem")))
                + channel("shop-eu", "shopify", "OWN_ECOMMERCE", "", secret("webhookSecret",
                        file(dir, "shop-eu", VendorRequests.SHOPIFY_SECRET)))
                + channel("shop-vector", "shopify", "OWN_ECOMMERCE", "", secret("webhookSecret",
                        file(dir, "shop-vector", "test_secret_key")))
                + channel("pay-eu", "stripe", "OWN_ECOMMERCE", "", secret("webhookSecret",
                        file(dir, "pay-eu", VendorRequests.STRIPE_SECRET)))
                + channel("pay-vector", "stripe", "OWN_ECOMMERCE", setting("toleranceSeconds", VECTOR_TOLERANCE),
                        secret("webhookSecret", file(dir, "pay-vector", "webhook_secret")))
                + channel("store-sf", "square", "OFFLINE_DIRECT", "", secret("webhookSecret",
                        file(dir, "store-sf", VendorRequests.SQUARE_KEY)))
                + channel("store-vector", "square", "OFFLINE_DIRECT", setting("notificationUrl", VendorRequests.SQUARE_VECTOR_URL),
                        secret("webhookSecret", file(dir, "store-vector", "Ibxx_5AKakO-3qeNVR61Dw")))
                + channel("wc-shop-us", "woocommerce", "OWN_ECOMMERCE", "", secret("webhookSecret",
                        file(dir, "wc-shop-us", VendorRequests.WOO_SECRET)))
                + channel("social-ig", "meta", "SOCIAL", "", secret("webhookSecret", file(dir, "social-ig", "test_app_secret"))
                        + secret("verifyToken", file(dir, "social-ig-token", "verify-token-not-real")))
                + channel("douyin-ll", "douyin", "MARKETPLACE", "", secret("clientSecret",
                        file(dir, "douyin-ll", "douyin-test-secret")))
                + channel("wx-oa", "wechat-oa", "SOCIAL", setting("appId", VendorRequests.WECHAT_APP_ID),
                        secret("token", file(dir, "wx-oa", VendorRequests.WECHAT_TOKEN)))
                + channel("wx-oa-doc", "wechat-oa", "SOCIAL", setting("appId", "wx97417a04a28d0000")
                        + setting("toleranceSeconds", VECTOR_TOLERANCE), secret("token", file(dir, "wx-oa-doc", "AAAAA")))
                + channel("wx-oa-sample", "wechat-oa", "SOCIAL", setting("appId", "wx5823bf96d3bd56c7")
                        + setting("toleranceSeconds", VECTOR_TOLERANCE), secret("token", file(dir, "wx-oa-sample", "QDG6eK"))
                        + secret("encodingAesKey", file(dir, "wx-oa-sample-aes", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C")))
                + channel("wxpay-vector", "wechatpay", "OWN_ECOMMERCE", setting("toleranceSeconds", VECTOR_TOLERANCE),
                        secret("apiV3Key", file(dir, "wxpay-vector", "testMchAPIv3Key0"))
                        + secret("platformCertificates", fixtures.resolve("wechatpay/wechatpay-go.test-cert.pem")))
                + channel("ebay-us", "ebay", "MARKETPLACE", setting("apiBaseUrl", ebayApiBaseUrl)
                        + setting("endpointUrl", "http://www.testendpoint.com/webhook"),
                        secret("verificationToken", file(dir, "ebay-token", "71745723-d031-455c-bfa5-f90d11b4f20a"))
                        + secret("clientId", file(dir, "ebay-client-id", EbayKeyServer.CLIENT_ID))
                        + secret("clientSecret", file(dir, "ebay-client-secret", EbayKeyServer.CLIENT_SECRET)));
        try {
            Files.writeString(dir.resolve("channels.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return yaml;
    }

    private static String channel(String id, String system, String kind, String settings, String secrets) {
        return "  - id: " + id + "\n    system: " + system + "\n    kind: " + kind + "\n"
                + (settings.isEmpty() ? "" : "    settings:\n" + settings)
                + "    secrets:\n" + secrets;
    }

    private static String setting(String name, String value) {
        return "      " + name + ": \"" + value + "\"\n";
    }

    private static String secret(String name, Path file) {
        return "      " + name + ": file:" + file.toAbsolutePath() + "\n";
    }

    private static Path file(Path dir, String name, String secret) {
        Path file = dir.resolve("secrets").resolve(name + ".secret");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
