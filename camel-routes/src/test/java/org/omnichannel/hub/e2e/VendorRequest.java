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
 */
record VendorRequest(String name, String channelId, String method, Map<String, String> query, Map<String, String> headers,
                     byte[] body) {

    VendorRequest {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    static VendorRequest post(String name, String channelId, Map<String, String> headers, byte[] body) {
        return new VendorRequest(name, channelId, "POST", Map.of(), headers, body);
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
