package org.omnichannel.bench.ingress;

import org.omnichannel.hub.Hub;
import org.omnichannel.hub.LoopbackPorts;
import org.omnichannel.hub.kafka.HubTopics;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (c) The hub's real ingress: the hub as {@code bin/omni hub} runs it (Camel Main, its Vert.x
 * server, metrics and health), one Shopify channel, pointed at the benchmark's broker as an
 * external cluster (replication factor 1), OFBiz delivery off. Each request is verified (HMAC),
 * mapped to an ORDER_PLACED event, and its raw body and event are written with acks=all before 202.
 */
public final class HubServer implements BenchServer {

    public static final String CHANNEL = "bench-shop";

    private final Hub hub;
    private final int port;

    private HubServer(Hub hub, int port) {
        this.hub = hub;
        this.port = port;
    }

    /** Starts a hub with its files under {@code dir}, on the broker at {@code bootstrapServers}. */
    public static HubServer start(Path dir, String bootstrapServers, String secret) throws IOException {
        Path secretFile = dir.resolve("shopify.secret");
        Files.writeString(secretFile, secret + "\n");
        Path channels = dir.resolve("channels.yaml");
        Files.writeString(channels, """
                channels:
                  - id: %s
                    system: shopify
                    kind: OWN_ECOMMERCE
                    productStoreId: "9000"
                    facilityId: WebStoreWarehouse
                    salesChannel: WEB_SALES_CHANNEL
                    settings:
                      shopDomain: %s
                    secrets:
                      webhookSecret: file:%s
                """.formatted(CHANNEL, OrderWebhook.SHOP_DOMAIN, secretFile));
        int port = LoopbackPorts.free();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("camel.management.host", "127.0.0.1");
        properties.put("camel.management.port", String.valueOf(LoopbackPorts.free()));
        properties.put("omni.data.dir", dir.resolve("data").toString());
        properties.put("omni.channels.file", channels.toString());
        properties.put("omni.kafka.bootstrapServers", bootstrapServers);
        properties.put("omni.kafka.replicationFactor", "1");
        properties.put("omni.ofbiz.baseUrl", "");
        Hub hub = Hub.create();
        properties.forEach(hub.main()::addOverrideProperty);
        hub.startInBackground("bench-hub", Duration.ofSeconds(120));
        return new HubServer(hub, port);
    }

    @Override
    public ServerKind kind() {
        return ServerKind.HUB;
    }

    @Override
    public URI target() {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/" + CHANNEL);
    }

    @Override
    public KafkaCounts.Stored stored() {
        return KafkaCounts.stored(hub.bootstrapServers(), List.of(HubTopics.RAW, HubTopics.INBOUND));
    }

    @Override
    public void close() throws InterruptedException {
        hub.stop(Duration.ofSeconds(60));
    }
}
