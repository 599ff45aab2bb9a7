package org.omnichannel.hub.ingress;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.omnichannel.connector.spi.InboundRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the connector's view of a request from what Vert.x received: the exact body bytes (read
 * by {@link RequestBodies}, never bound as a form),
 * the headers as sent, and the URL as the vendor called it.
 */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /**
     * @param publicBaseUrl the hub's URL as vendors see it (behind a proxy), or null to use the request's
     */
    static HttpServerRequest vertxRequest(Exchange exchange) {
        Message in = exchange.getIn();
        if (!(in instanceof HttpMessage http) || http.getRequest() == null) {
            throw new IllegalStateException("webhook ingress needs the platform-http Vert.x engine");
        }
        return http.getRequest();
    }

    static InboundRequest from(HttpServerRequest request, byte[] body, String publicBaseUrl, Instant receivedAt) {
        String uri = publicBaseUrl == null || publicBaseUrl.isBlank() ? request.absoluteURI()
                : stripSlash(publicBaseUrl) + request.uri();
        return new InboundRequest(request.method().name(), uri, toMap(request.headers()), toMap(request.params()),
                body, receivedAt);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Map<String, List<String>> toMap(MultiMap multiMap) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> entry : multiMap.entries()) {
            map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
        }
        return map;
    }
}
