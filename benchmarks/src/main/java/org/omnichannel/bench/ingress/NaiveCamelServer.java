package org.omnichannel.bench.ingress;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.omnichannel.hub.LoopbackPorts;

import java.net.URI;
import java.util.List;

/**
 * (b) The common choice: a Camel route {@code platform-http (Vert.x) → kafka → 202} with the kafka
 * component's defaults but acks=all and the idempotent producer. No verification, no mapping.
 */
public final class NaiveCamelServer implements BenchServer {

    private final CamelContext camel;
    private final String bootstrapServers;
    private final String topic;
    private final int port;

    private NaiveCamelServer(CamelContext camel, String bootstrapServers, String topic, int port) {
        this.camel = camel;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.port = port;
    }

    public static NaiveCamelServer start(String bootstrapServers, String topic) throws Exception {
        int port = LoopbackPorts.free();
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(http));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/orders?httpMethodRestrict=POST")
                        .routeId("naive-ingress")
                        .to("kafka:" + topic + "?brokers=" + bootstrapServers + "&requestRequiredAcks=all"
                                + "&enableIdempotence=true"
                                + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer")
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                        .setBody(constant(""));
            }
        });
        camel.start();
        return new NaiveCamelServer(camel, bootstrapServers, topic, port);
    }

    @Override
    public ServerKind kind() {
        return ServerKind.NAIVE_CAMEL;
    }

    @Override
    public URI target() {
        return URI.create("http://127.0.0.1:" + port + "/orders");
    }

    @Override
    public KafkaCounts.Stored stored() {
        return KafkaCounts.stored(bootstrapServers, List.of(topic));
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
