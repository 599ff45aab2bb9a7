package org.omnichannel.hub.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the dashboard on the management server, beside {@code /observe/health} and
 * {@code /observe/metrics}: the page and its script and style at {@value #PAGE}, and the
 * snapshot they poll at {@value #DATA}. The page is static (no server-side templating); the script
 * puts every value into the page as text, and a Content-Security-Policy allows only the hub's own
 * script, so a value from the channels file or a health message can never run as code.
 */
public final class DashboardEndpoints {

    public static final String PAGE = "/dashboard";
    public static final String DATA = "/observe/dashboard.json";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DashboardEndpoints() {
    }

    /**
     * Adds the dashboard's routes to the management server's router.
     *
     * @return false when the hub runs without a management server (camel.management.enabled=false)
     */
    public static boolean install(CamelContext context, DashboardCollector collector) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        VertxPlatformHttpRouter router = server == null ? null : server.getRouter();
        if (router == null) {
            LOG.info("no management server (camel.management.enabled=false): the dashboard is off");
            return false;
        }
        Buffer page = resource("index.html");
        Buffer script = resource("dashboard.js");
        Buffer style = resource("dashboard.css");
        router.route(HttpMethod.GET, PAGE).handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
        router.route(HttpMethod.GET, PAGE + "/").handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
        router.route(HttpMethod.GET, PAGE + "/dashboard.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", script));
        router.route(HttpMethod.GET, PAGE + "/dashboard.css").handler(ctx -> send(ctx, "text/css; charset=utf-8", style));
        // Readiness checks ask Kafka: off the event loop.
        router.route(HttpMethod.GET, DATA).blockingHandler(ctx -> snapshot(ctx, collector), false);
        LOG.info("dashboard: http://{}:{}{}", server.getHost(), server.getPort(), PAGE);
        return true;
    }

    private static void snapshot(RoutingContext ctx, DashboardCollector collector) {
        Buffer body;
        try {
            body = Buffer.buffer(JSON.writeValueAsBytes(collector.snapshot()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("could not take the dashboard snapshot: {}", e.toString());
            headers(ctx.response(), "text/plain; charset=utf-8").setStatusCode(500)
                    .end("the hub could not take the dashboard snapshot; see the hub's log\n");
            return;
        }
        send(ctx, "application/json", body);
    }

    private static void send(RoutingContext ctx, String contentType, Buffer body) {
        headers(ctx.response(), contentType).end(body);
    }

    private static HttpServerResponse headers(HttpServerResponse response, String contentType) {
        return response.putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", POLICY);
    }

    private static Buffer resource(String name) {
        String path = "dashboard/" + name;
        try (InputStream in = DashboardEndpoints.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the hub's jar lacks " + path + ": rebuild camel-routes");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
