package org.omnichannel.hub.outbound;

import io.micrometer.core.instrument.Gauge;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.omnichannel.hub.HubSettings;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.delivery.DeliverySettings;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts the outbound side together: the outbox poller (when OFBiz is configured), the pusher, their health
 * check and gauges. Added to the Camel context as a service, so it starts with the routes and stops with them.
 */
public final class OutboundAssembly extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundAssembly.class);

    private final OutboxPoller poller;
    private final OutboundPusher pusher;

    private OutboundAssembly(OutboxPoller poller, OutboundPusher pusher) {
        this.poller = poller;
        this.pusher = pusher;
    }

    /**
     * Builds the outbound side from the hub's configuration and adds it to the context; nothing when
     * {@code omni.outbound.enabled} is false. A channel's bad rate setting fails start-up here.
     */
    public static void install(CamelContext context, HubSettings hub, String bootstrapServers, ChannelRegistry channels,
                               HubMetrics metrics) {
        OutboundSettings settings = OutboundSettings.from(context.getPropertiesComponent());
        if (!settings.enabled()) {
            LOG.warn("outbound is off (omni.outbound.enabled=false): nothing is read from the outbox or pushed");
            return;
        }
        CursorTopic.ensure(bootstrapServers, hub.effectiveReplicationFactor());
        Map<String, TokenBucket> buckets = new HashMap<>();
        channels.channels().forEach(channel -> {
            VendorRateLimits limits = VendorRateLimits.of(channel.context());
            buckets.put(channel.id(), new TokenBucket(limits.ratePerSecond(), limits.burst(), System::nanoTime));
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        OutboundStatus status = new OutboundStatus();
        OutboundPusher pusher = new OutboundPusher(bootstrapServers, channels, buckets,
                new VendorSender(http, settings.requestTimeout(), Clock.systemUTC()), settings, metrics, status);
        DeliverySettings ofbiz = DeliverySettings.from(context.getPropertiesComponent());
        OutboxPoller poller = null;
        if (ofbiz == null) {
            LOG.warn("the OFBiz outbox is not read (omni.ofbiz.baseUrl is empty); omni.outbound is still pushed");
        } else {
            poller = new OutboxPoller(bootstrapServers, ofbiz.client(System::getenv), ofbiz.baseUrl().toString(), settings,
                    metrics, Clock.systemUTC());
            OutboxPoller gauged = poller;
            Gauge.builder("omni.outbox.lag.seconds", gauged, OutboxPoller::lagSeconds)
                    .description("how long the oldest entry of the last outbox read had waited in OFBiz's outbox")
                    .register(metrics.registry());
        }
        HealthCheckRegistry health = HealthCheckHelper.getHealthCheckRegistry(context);
        if (health != null) {
            health.register(new OutboundHealthCheck(poller, status));
        }
        try {
            context.addService(new OutboundAssembly(poller, pusher), true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the outbound service: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStart() {
        pusher.start();
        if (poller != null) {
            poller.start();
        }
    }

    @Override
    protected void doStop() {
        if (poller != null) {
            poller.stop();
        }
        pusher.stop();
    }
}
