package org.omnichannel.connector.spi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request (or a dropped file) as a connector sees it: the exact bytes received, because
 * signatures are computed over them, and the headers with case-insensitive lookup.
 *
 * @param method     GET or POST (FILE for a file drop)
 * @param uri        the full URL the vendor called, as the vendor sees it (Square signs it)
 * @param headers    header name to values, any case
 * @param query      query parameter name to values
 * @param body       the raw body, never re-encoded
 * @param receivedAt when the hub received it
 */
public record InboundRequest(String method, String uri, Map<String, List<String>> headers,
                             Map<String, List<String>> query, byte[] body, Instant receivedAt) {

    public InboundRequest {
        method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        uri = uri == null ? "" : uri;
        TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> ci.put(k, List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(ci);
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? new byte[0] : body;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }

    /** A POST with the given body and single-valued headers. */
    public static InboundRequest post(String uri, Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new InboundRequest("POST", uri, multi, Map.of(), body, null);
    }

    /** The first value of a header, any case, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters, lower case, or "" when none was sent. */
    public String mediaType() {
        String type = header("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        // Never the body or headers: they may carry personal data or signatures.
        return "InboundRequest[" + method + " " + uri + ", " + body.length + " bytes]";
    }
}
