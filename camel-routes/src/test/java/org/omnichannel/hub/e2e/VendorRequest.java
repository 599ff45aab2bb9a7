package org.omnichannel.hub.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One recorded vendor payload as the vendor would send it to the hub: method, query, headers (with
 * the vendor's signature), body.
 *
 * @param name      what the case shows, for the test's display name
 * @param channelId the channel it is sent to (in {@link VendorChannels})
 * @param outcome   what the payload is known to give, so that a connector that silently stopped
 *                  mapping it fails the test instead of passing as a skip
 */
record VendorRequest(String name, String channelId, String method, Map<String, String> query, Map<String, String> headers,
                     byte[] body, Outcome outcome) {

    /** What a recorded payload gives. */
    enum Outcome {
        /** one or more events, delivered to OFBiz */
        EVENTS,
        /** no event (a type or state that is no business event): acknowledged, nothing queued */
        NO_EVENT,
        /** the connector refuses the payload: 400, quarantined */
        REFUSED
    }

    VendorRequest {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    VendorRequest(String name, String channelId, String method, Map<String, String> query, Map<String, String> headers,
                  byte[] body) {
        this(name, channelId, method, query, headers, body, Outcome.EVENTS);
    }

    static VendorRequest post(String name, String channelId, Map<String, String> headers, byte[] body) {
        return new VendorRequest(name, channelId, "POST", Map.of(), headers, body);
    }

    VendorRequest expecting(Outcome expected) {
        return new VendorRequest(name, channelId, method, query, headers, body, expected);
    }

    String path() {
        return "/webhooks/" + channelId;
    }

    String queryString() {
        return query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpRequest toHttp(String baseUrl) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path() + queryString()));
        headers.forEach(builder::header);
        return builder.method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The request as the connector sees it, for asking the connector directly what it maps it to. */
    org.omnichannel.connector.spi.InboundRequest toInbound(String baseUrl) {
        Map<String, List<String>> multiHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multiHeaders.put(k, List.of(v)));
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        query.forEach((k, v) -> multiQuery.put(k, List.of(v)));
        return new org.omnichannel.connector.spi.InboundRequest(method, baseUrl + path() + queryString(), multiHeaders, multiQuery,
                body, null);
    }

    @Override
    public String toString() {
        return name;
    }
}
