package org.omnichannel.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Calls the OFBiz plugin's requests over HTTPS with an OFBiz UserLogin (HTTP Basic), as
 * docs/ofbiz-hub-contract.md describes. Never logs or returns the credentials.
 */
public final class OfbizClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param baseUrl    e.g. https://erp.example.com:8443/omnichannel/control/
     * @param truststore a PKCS12 truststore for OFBiz's certificate, or null for the JDK's
     */
    public OfbizClient(URI baseUrl, String username, String password, Path truststore, String truststorePassword,
                       Duration timeout) {
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (truststore != null) {
            builder.sslContext(sslContext(truststore, truststorePassword));
        }
        this.http = builder.build();
    }

    /** POSTs a batch of canonical events (their JSON bytes, as queued) to ingestEvents. */
    public IngestAnswer ingest(List<byte[]> events) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(events.get(i));
        }
        body.write(']');
        HttpResponse<byte[]> response;
        try {
            response = post("ingestEvents", body.toByteArray());
        } catch (IOException e) {
            return new IngestAnswer.Unavailable("OFBiz did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IngestAnswer.Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new IngestAnswer.Refused(status);
        }
        if (status == 400) {
            return new IngestAnswer.BadRequest(new String(response.body(), StandardCharsets.UTF_8));
        }
        if (status != 200) {
            return new IngestAnswer.Unavailable("OFBiz answered HTTP " + status);
        }
        return readResults(response.body(), events.size());
    }

    /** POSTs a JSON body to one of the plugin's requests and returns the answer's JSON (200 only). */
    public JsonNode call(String request, Object body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(request, JSON.writeValueAsBytes(body));
        if (response.statusCode() != 200) {
            throw new StatusException(response.statusCode(), request);
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> post(String request, byte[] body) throws IOException, InterruptedException {
        HttpRequest httpRequest = HttpRequest.newBuilder(baseUrl.resolve(request))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static IngestAnswer readResults(byte[] body, int sent) {
        try {
            JsonNode results = JSON.readTree(body).path("results");
            if (!results.isArray() || results.size() != sent) {
                return new IngestAnswer.Unavailable("OFBiz answered " + (results.isArray() ? results.size() : "no")
                        + " results for " + sent + " events");
            }
            List<IngestAnswer.EventResult> list = new ArrayList<>();
            for (JsonNode result : results) {
                list.add(new IngestAnswer.EventResult(result.path("eventId").asText(),
                        IngestAnswer.Status.valueOf(result.path("status").asText()),
                        result.hasNonNull("reason") ? result.get("reason").asText() : null));
            }
            return new IngestAnswer.Results(list);
        } catch (IOException | IllegalArgumentException e) {
            return new IngestAnswer.Unavailable("OFBiz's answer is not the contract's JSON: " + e.getMessage());
        }
    }

    private static SSLContext sslContext(Path truststore, String password) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the OFBiz truststore " + truststore + ": " + e.getMessage()
                    + " (set omni.ofbiz.truststore to a PKCS12 file and omni.ofbiz.truststorePassword)", e);
        }
    }

    /** OFBiz answered {@link #call} with a status other than 200: 401/403 need an operator, 5xx a retry. */
    public static final class StatusException extends IOException {

        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status, String request) {
            super("OFBiz answered HTTP " + status + " to " + request);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 401 or 403: the credentials are wrong or lack the permission; retrying will not help. */
        public boolean refused() {
            return status == 401 || status == 403;
        }
    }

    @Override
    public String toString() {
        return "OfbizClient[" + baseUrl + "]";
    }
}
