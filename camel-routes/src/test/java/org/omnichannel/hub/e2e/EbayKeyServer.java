package org.omnichannel.hub.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A local stand-in for the two eBay APIs the eBay connector calls to check a notification's
 * signature: the OAuth client-credentials token and getPublicKey, serving the public key of eBay's
 * SDK test vector (../shared/fixtures/ebay) under its kid. The channel points at it with the setting
 * {@code apiBaseUrl}, as an operator would point a channel at eBay's sandbox.
 */
final class EbayKeyServer implements AutoCloseable {

    static final String CLIENT_ID = "OmniTest-PRD-0123456789-abcdef01";
    static final String CLIENT_SECRET = "PRD-test-client-secret";
    static final String KID = "9936261a-7d7b-4621-a0f1-96ccb428af49";
    private static final String TOKEN = "v^1.1#i^1#e2e-application-token";

    private final HttpServer server;
    private final String key;

    private EbayKeyServer(HttpServer server, String key) {
        this.server = server;
        this.key = key;
    }

    static EbayKeyServer start(Path fixtures) throws IOException {
        // eBay's getPublicKey answers the PEM on one line.
        String key = Files.readString(fixtures.resolve("ebay/ebay-sdk-test-public-key.pem"), StandardCharsets.US_ASCII)
                .replace("\n", "");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        EbayKeyServer keys = new EbayKeyServer(server, key);
        server.createContext("/identity/v1/oauth2/token", keys::token);
        server.createContext("/commerce/notification/v1/public_key/", keys::publicKey);
        server.start();
        return keys;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        exchange.getRequestBody().readAllBytes();
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else {
            respond(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200,\"token_type\":\"Application Access Token\"}");
        }
    }

    private void publicKey(HttpExchange exchange) throws IOException {
        String kid = exchange.getRequestURI().getPath().substring("/commerce/notification/v1/public_key/".length());
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}");
        } else if (!KID.equals(kid)) {
            respond(exchange, 404, "{\"errors\":[{\"errorId\":195001,\"message\":\"The specified public key ID is not found.\"}]}");
        } else {
            respond(exchange, 200, "{\"algorithm\":\"ECDSA\",\"digest\":\"SHA1\",\"key\":\"" + key + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
