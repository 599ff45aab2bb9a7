package org.omnichannel.hub.ingress;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one channel's webhook path on the platform-http Vert.x router. Each request becomes an
 * exchange whose in-message is platform-http's {@link HttpMessage} (so the route sees the same
 * request it would under {@code platform-http:}); the route runs asynchronously, starting on the
 * event loop, and the answer the route left on the exchange (status
 * {@link Exchange#HTTP_RESPONSE_CODE}, {@link Exchange#CONTENT_TYPE}, body) is written back on
 * the request's event loop once the route completes. No thread waits for Kafka.
 */
final class WebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

    /** Camel's default for camel.server.port. */
    private static final int DEFAULT_PORT = 8080;

    private Route route;

    WebhookConsumer(WebhookComponent.WebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public WebhookComponent.WebhookEndpoint getEndpoint() {
        return (WebhookComponent.WebhookEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // The main server's router (camel.server.port), found by its port as Camel's MainHttpServer does;
        // the management server (camel.management.port) has a router of its own.
        CamelContext camel = getEndpoint().getCamelContext();
        int port = camel.getPropertiesComponent().resolveProperty("camel.server.port").map(String::trim)
                .map(Integer::parseInt).orElse(DEFAULT_PORT);
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException(WebhookComponent.SCHEME + " needs the platform-http Vert.x server: set "
                    + "camel.server.enabled=true");
        }
        route = router.route(getEndpoint().path()).method(HttpMethod.GET).method(HttpMethod.POST).handler(this::handle);
    }

    @Override
    protected void doStop() throws Exception {
        if (route != null) {
            route.remove();
            route = null;
        }
        super.doStop();
    }

    private void handle(RoutingContext http) {
        if (isSuspended()) {
            http.response().setStatusCode(503).end();
            return;
        }
        // Nothing reads the body before the route does (RequestBodies resumes the request).
        http.request().pause();
        Context loop = Vertx.currentContext();
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        exchange.setIn(new HttpMessage(exchange, http.request(), http.response()));
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                if (loop == null || Vertx.currentContext() == loop) {
                    respond(http, exchange);
                } else {
                    loop.runOnContext(ignored -> respond(http, exchange));
                }
            });
        } catch (RuntimeException e) {
            exchange.setException(e);
            respond(http, exchange);
        }
    }

    private void respond(RoutingContext http, Exchange exchange) {
        HttpServerResponse response = http.response();
        try {
            if (response.ended() || response.closed()) {
                return;
            }
            if (!http.request().isEnded()) {
                // Answered without reading the whole body (404, or 413 which also closes the connection):
                // let the rest drain, or the next request on this keep-alive connection is never read.
                http.request().resume();
            }
            if (exchange.getException() != null) {
                LOG.error("webhook {} failed", getEndpoint().path(), exchange.getException());
                response.setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("the hub failed on this request\n");
                return;
            }
            Message answer = exchange.getMessage();
            Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String contentType = answer.getHeader(Exchange.CONTENT_TYPE, String.class);
            // The handler leaves byte[] or null; converting a null body would search Camel's
            // type converters on every request.
            Object content = answer.getBody();
            byte[] body = content == null || content instanceof byte[] ? (byte[]) content : answer.getBody(byte[].class);
            response.setStatusCode(status == null ? (body == null ? 204 : 200) : status);
            if (contentType != null) {
                response.putHeader("Content-Type", contentType);
            }
            if (body == null || body.length == 0) {
                response.end();
            } else {
                response.end(Buffer.buffer(body));
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
