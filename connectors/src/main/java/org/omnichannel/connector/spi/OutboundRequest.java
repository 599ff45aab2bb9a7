package org.omnichannel.connector.spi;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request to a vendor's API, built by a connector and sent by the hub (which adds
 * throttling, retries and honours 429 Retry-After).
 *
 * @param headers request headers, including the authentication the vendor needs; never logged
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public OutboundRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    @Override
    public String toString() {
        // Never headers (credentials) or body (personal data).
        return "OutboundRequest[" + method + " " + uri.getScheme() + "://" + uri.getHost() + uri.getPath() + "]";
    }
}
