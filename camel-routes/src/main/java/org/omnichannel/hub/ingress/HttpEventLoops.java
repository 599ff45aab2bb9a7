package org.omnichannel.hub.ingress;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Serves the webhook port on several Vert.x event loops. Camel's platform-http server binds one
 * {@link HttpServer}, so every connection, and with it every webhook's verification, mapping and
 * serialisation, runs on one thread however many cores the machine has. This adds servers on the
 * same host and port with the same request handler (Camel's router, with every route on it) on
 * other event loops; Vert.x shares the listening socket and spreads new connections over all of
 * them, as it does for a verticle deployed several times.
 *
 * <p>Camel builds its server's options from {@code new HttpServerOptions()} plus its TLS settings;
 * when TLS is configured on {@code camel.server} the extra servers are not added (they would not
 * carry the certificate) and webhooks stay on one event loop: terminate TLS at the load balancer,
 * as docs/hub.md advises, to use every core.
 */
public final class HttpEventLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEventLoops.class);

    /** Nothing added: Camel's one server serves alone. */
    private static final HttpEventLoops NONE = new HttpEventLoops(null, null);

    private final Vertx vertx;
    private final String deploymentId;

    private HttpEventLoops(Vertx vertx, String deploymentId) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
    }

    /**
     * Adds {@code loops - 1} servers beside Camel's on its port; with {@code loops <= 1}, without Camel's
     * platform-http server, or with TLS on it, adds none.
     */
    public static HttpEventLoops start(CamelContext camel, int loops) {
        VertxPlatformHttpServer camelServer = camel.hasService(VertxPlatformHttpServer.class);
        if (loops <= 1 || camelServer == null || camelServer.getServer() == null) {
            return NONE;
        }
        MainHttpServer main = camel.hasService(MainHttpServer.class);
        if (main != null && (main.getSslContextParameters() != null || main.isUseGlobalSslContextParameters())) {
            LOG.warn("TLS is configured on camel.server: webhooks are served on one event loop (omni.http.eventLoops={} is not"
                    + " applied); terminate TLS at the load balancer to use every core", loops);
            return NONE;
        }
        HttpServer first = camelServer.getServer();
        Handler<HttpServerRequest> handler = first.requestHandler();
        int port = first.actualPort();
        String host = camelServer.getHost();
        Vertx vertx = camelServer.getVertx();
        String id = vertx.deployVerticle(() -> new AbstractVerticle() {
                    @Override
                    public void start(Promise<Void> started) {
                        vertx.createHttpServer(new HttpServerOptions()).requestHandler(handler).listen(port, host)
                                .<Void>mapEmpty().onComplete(started);
                    }
                }, new DeploymentOptions().setInstances(loops - 1))
                .toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        LOG.info("webhooks on {}:{} are served on {} event loops", host, port, loops);
        return new HttpEventLoops(vertx, id);
    }

    @Override
    public void close() {
        if (deploymentId == null) {
            return;
        }
        try {
            vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            // Camel's Vert.x may already be closed, and every server with it.
            LOG.debug("extra webhook servers: {}", e.getMessage());
        }
    }
}
