package org.omnichannel.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A local HTTPS server that answers as the OFBiz plugin does (docs/ofbiz-hub-contract.md):
 * Basic authentication, ingestEvents with a receipt per eventId (so a second delivery is a
 * DUPLICATE), REJECTED for events it is told to refuse, RETRY once for events it is told to
 * fail transiently, and 503 while it is "down". Its outbox answers outboxRead and outboxAck as the
 * contract's section 2 says: entries after the given cursor in cursor order, at most {@code limit}.
 */
public final class OfbizStandIn implements AutoCloseable {

    public static final String USER = "omni-hub";
    public static final String PASSWORD = "stand-in-password";
    public static final String TRUSTSTORE_PASSWORD = "stand-in-trust";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final Path truststore;
    private final Map<String, Integer> acceptedCount = new HashMap<>();
    private final List<String> acceptedOrder = new ArrayList<>();
    private final Set<String> toReject = new HashSet<>();
    private final Set<String> toRetryOnce = new HashSet<>();
    private int unavailableAnswers;
    private boolean down;
    private final List<ObjectNode> outbox = new ArrayList<>();
    private final List<String> outboxReads = new ArrayList<>();
    private String acknowledgedUpTo = "";
    private long lastCursor = 1000;

    private OfbizStandIn(HttpsServer server, Path truststore) {
        this.server = server;
        this.truststore = truststore;
    }

    /** Starts on a free port with a self-signed certificate made by keytool into {@code dir}. */
    public static OfbizStandIn start(Path dir) throws Exception {
        Path keystore = dir.resolve("ofbiz-keystore.p12");
        Path cert = dir.resolve("ofbiz.cer");
        Path truststore = dir.resolve("ofbiz-truststore.p12");
        keytool("-genkeypair", "-alias", "ofbiz", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "keystore-pass", "-keypass", "keystore-pass");
        keytool("-exportcert", "-alias", "ofbiz", "-keystore", keystore.toString(), "-storepass", "keystore-pass",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "ofbiz", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", TRUSTSTORE_PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "keystore-pass".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "keystore-pass".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.setExecutor(Executors.newFixedThreadPool(4));
        OfbizStandIn standIn = new OfbizStandIn(server, truststore);
        server.createContext("/omnichannel/control/ingestEvents", standIn::ingest);
        server.createContext("/omnichannel/control/outboxRead", standIn::outboxRead);
        server.createContext("/omnichannel/control/outboxAck", standIn::outboxAck);
        server.start();
        return standIn;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** The properties that point a hub at this stand-in; the password is read from a file in {@code dir}. */
    public Map<String, String> hubProperties(Path dir) throws IOException {
        Path passwordFile = dir.resolve("ofbiz.password");
        Files.writeString(passwordFile, PASSWORD);
        Path trustPasswordFile = dir.resolve("ofbiz-trust.password");
        Files.writeString(trustPasswordFile, TRUSTSTORE_PASSWORD);
        return Map.of(
                "omni.ofbiz.baseUrl", "https://127.0.0.1:" + server.getAddress().getPort() + "/omnichannel/control/",
                "omni.ofbiz.username", USER,
                "omni.ofbiz.password", "file:" + passwordFile,
                "omni.ofbiz.truststore", truststore.toString(),
                "omni.ofbiz.truststorePassword", "file:" + trustPasswordFile,
                "omni.delivery.initialBackoffMs", "100",
                "omni.delivery.maxBackoffMs", "1000");
    }

    public synchronized void down() {
        down = true;
    }

    public synchronized void up() {
        down = false;
        notifyAll();
    }

    public synchronized void reject(String eventId) {
        toReject.add(eventId);
    }

    /** Stops rejecting an event: the fix an operator makes in OFBiz before a replay. */
    public synchronized void stopRejecting(String eventId) {
        toReject.remove(eventId);
    }

    public synchronized void retryOnce(String eventId) {
        toRetryOnce.add(eventId);
    }

    /** How many times each event was ACCEPTED (processed): exactly-once means 1 for each. */
    public synchronized int timesProcessed(String eventId) {
        return acceptedCount.getOrDefault(eventId, 0);
    }

    public synchronized List<String> processedInOrder() {
        return List.copyOf(acceptedOrder);
    }

    /** Waits until every event was processed; false on timeout. */
    public synchronized boolean awaitProcessed(Collection<String> eventIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acceptedCount.keySet().containsAll(eventIds)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits until the stand-in has answered 503 at least {@code count} times. */
    public synchronized boolean awaitUnavailableAnswers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unavailableAnswers < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Writes a STOCK_LEVEL outbox row, as the plugin does when a channel's available-to-sell changes; returns its cursor. */
    public synchronized String addStockLevel(String channelId, String sku, String productId, String locationId, int available) {
        ObjectNode payload = JSON.createObjectNode().put("sku", sku).put("productId", productId).put("locationId", locationId)
                .put("availableToSell", available);
        return addOutboxEntry(channelId, "STOCK_LEVEL", payload);
    }

    /** Writes a FULFILMENT outbox row; returns its cursor. */
    public synchronized String addFulfilment(String channelId, String orderId, String carrier, String trackingNumber) {
        ObjectNode payload = JSON.createObjectNode().put("orderId", orderId).put("carrier", carrier)
                .put("trackingNumber", trackingNumber).putNull("trackingUrl");
        payload.putArray("lineIds");
        return addOutboxEntry(channelId, "FULFILMENT", payload);
    }

    /** Writes an outbox row with any type and payload (also ones the hub must refuse); returns its cursor. */
    public synchronized String addOutboxEntry(String channelId, String type, ObjectNode payload) {
        String cursor = String.format("%016d", ++lastCursor);
        outbox.add(JSON.createObjectNode().put("cursor", cursor).put("messageId", "OMNI-OB-" + lastCursor)
                .put("channelId", channelId).put("type", type).put("createdAt", "2026-11-20T02:15:03Z").set("payload", payload));
        return cursor;
    }

    /** The {@code after} of every outboxRead so far, in order. */
    public synchronized List<String> outboxReads() {
        return List.copyOf(outboxReads);
    }

    public synchronized String acknowledgedUpTo() {
        return acknowledgedUpTo;
    }

    /** Waits until the hub has acknowledged the outbox up to {@code cursor}. */
    public synchronized boolean awaitAcknowledged(String cursor, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledgedUpTo.compareTo(cursor) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void outboxRead(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = authorisedJson(exchange);
            if (request == null) {
                return;
            }
            String after = request.path("after").asText("");
            int limit = request.path("limit").asInt(200);
            if (!request.isObject() || limit < 1) {
                respond(exchange, 400, "{\"error\":\"expected {after, limit}\"}");
                return;
            }
            ObjectNode answer;
            synchronized (this) {
                if (down) {
                    unavailableAnswers++;
                    notifyAll();
                    respond(exchange, 503, "{\"error\":\"OFBiz is starting\"}");
                    return;
                }
                outboxReads.add(after);
                answer = JSON.createObjectNode();
                ArrayNode entries = answer.putArray("entries");
                String next = after;
                for (ObjectNode entry : outbox) {
                    if (entry.get("cursor").asText().compareTo(after) > 0 && entries.size() < limit) {
                        entries.add(entry);
                        next = entry.get("cursor").asText();
                    }
                }
                answer.put("nextCursor", next);
                notifyAll();
            }
            respond(exchange, 200, JSON.writeValueAsString(answer));
        }
    }

    private void outboxAck(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = authorisedJson(exchange);
            if (request == null) {
                return;
            }
            String upTo = request.path("upTo").asText("");
            int acknowledged;
            synchronized (this) {
                acknowledged = (int) outbox.stream().map(e -> e.get("cursor").asText())
                        .filter(c -> c.compareTo(acknowledgedUpTo) > 0 && c.compareTo(upTo) <= 0).count();
                if (upTo.compareTo(acknowledgedUpTo) > 0) {
                    acknowledgedUpTo = upTo;
                }
                notifyAll();
            }
            respond(exchange, 200, "{\"acknowledged\":" + acknowledged + "}");
        }
    }

    /** The request's JSON body after the credentials were checked; null when already answered 401/400. */
    private static JsonNode authorisedJson(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"bad credentials\"}");
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            respond(exchange, 400, "{\"error\":\"not JSON\"}");
            return null;
        }
    }

    private void ingest(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":\"bad credentials\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{}");
                return;
            }
            JsonNode events;
            try {
                events = JSON.readTree(body);
            } catch (IOException e) {
                respond(exchange, 400, "{\"error\":\"not JSON\"}");
                return;
            }
            if (!events.isArray()) {
                respond(exchange, 400, "{\"error\":\"not an array\"}");
                return;
            }
            String answer;
            try {
                answer = answer(events);
            } catch (Unavailable e) {
                respond(exchange, 503, "{\"error\":\"OFBiz is starting\"}");
                return;
            }
            respond(exchange, 200, answer);
        }
    }

    private synchronized String answer(JsonNode events) throws IOException {
        if (down) {
            unavailableAnswers++;
            notifyAll();
            throw new Unavailable();
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode event : events) {
            String eventId = event.path("eventId").asText();
            ObjectNode result = results.addObject().put("eventId", eventId);
            if (toRetryOnce.remove(eventId)) {
                result.put("status", "RETRY").put("reason", "lock wait timeout");
            } else if (toReject.contains(eventId)) {
                result.put("status", "REJECTED").put("reason", "$.payload: refused by the stand-in");
            } else if (acceptedCount.containsKey(eventId)) {
                result.put("status", "DUPLICATE");
            } else {
                acceptedCount.merge(eventId, 1, Integer::sum);
                acceptedOrder.add(eventId);
                result.put("status", "ACCEPTED");
            }
        }
        notifyAll();
        return JSON.writeValueAsString(answer);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Thrown inside the handler to answer 503. */
    private static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
