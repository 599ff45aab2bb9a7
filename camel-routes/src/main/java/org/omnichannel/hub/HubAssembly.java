package org.omnichannel.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.hub.channel.ChannelDefinition;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.channel.ChannelsFile;
import org.omnichannel.hub.delivery.DeliverySettings;
import org.omnichannel.hub.delivery.OfbizDelivery;
import org.omnichannel.hub.fetch.FetchConsumer;
import org.omnichannel.hub.fetch.FetchIntake;
import org.omnichannel.hub.fetch.FetchQueue;
import org.omnichannel.hub.fetch.FetchSettings;
import org.omnichannel.hub.fetch.FetchTopics;
import org.omnichannel.hub.poll.PollRoutes;
import org.omnichannel.hub.poll.Watermarks;
import org.omnichannel.hub.sqs.SqsRoutes;
import org.omnichannel.hub.files.FileDropRoutes;
import org.omnichannel.hub.routes.UserRoutes;
import org.omnichannel.hub.ingress.HttpEventLoops;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ingress.WebhookHandler;
import org.omnichannel.hub.ingress.WebhookIngressRoutes;
import org.omnichannel.hub.kafka.EmbeddedKafkaBroker;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.ops.DashboardCollector;
import org.omnichannel.hub.ops.DashboardEndpoints;
import org.omnichannel.hub.outbound.OutboundAssembly;
import org.omnichannel.hub.ops.DeliveryHealthCheck;
import org.omnichannel.hub.ops.HubMetrics;
import org.omnichannel.hub.ops.KafkaGauges;
import org.omnichannel.hub.ops.KafkaHealthCheck;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * Puts the hub together once Camel Main has read its configuration and before anything starts:
 * channels first (a bad file fails start-up before anything else runs), then Kafka (the embedded
 * broker when no cluster is configured), then the routes. Takes it apart after Camel stopped.
 */
final class HubAssembly extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HubAssembly.class);

    private volatile HubSettings settings;
    private volatile ChannelRegistry channels = ChannelRegistry.empty();
    private volatile EmbeddedKafkaBroker broker;
    private volatile InboundPublisher publisher;
    private volatile String bootstrapServers;
    private volatile HubMetrics metrics = HubMetrics.standalone();
    private volatile KafkaHealthCheck kafkaHealth;
    private volatile KafkaGauges gauges;
    private volatile boolean demo;
    private volatile OfbizDelivery ofbizDelivery;
    private volatile FetchQueue fetchQueue;
    private volatile FetchConsumer fetchConsumer;
    private volatile Watermarks watermarks;
    /** Every channel of the file, disabled ones too (the dashboard lists them). */
    private volatile List<ChannelDefinition> definitions = List.of();
    private HttpEventLoops eventLoops;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        settings = HubSettings.from(context);
        Connectors connectors = Connectors.load();
        channels = loadChannels(connectors);
        UserRoutes.include(context, main.configure(), UserRoutes.directory(context.getPropertiesComponent()));
        try {
            if (settings.embeddedKafka()) {
                broker = EmbeddedKafkaBroker.start(settings.kafkaDataDir(), settings.kafkaPort(),
                        settings.kafkaFlushIntervalMs());
                bootstrapServers = broker.bootstrapServers();
            } else {
                bootstrapServers = settings.kafkaBootstrap();
            }
            HubTopics.ensure(bootstrapServers, settings.kafkaPartitions(), settings.effectiveReplicationFactor());
            UserRoutes.shareKafka(context, bootstrapServers);
            // One Prometheus registry for Camel's meters and the hub's own, served at /observe/metrics.
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("metricsRegistry", prometheus);
            metrics = new HubMetrics(prometheus);
            kafkaHealth = new KafkaHealthCheck(bootstrapServers);
            HealthCheckRegistry health = HealthCheckHelper.getHealthCheckRegistry(context);
            if (health != null) {
                health.register(kafkaHealth);
            }
            publisher = new InboundPublisher(bootstrapServers);
            FetchIntake intake = fetchOnNotify(main, context);
            main.configure().addRoutesBuilder(new WebhookIngressRoutes(channels, new WebhookHandler(channels, publisher, metrics,
                    settings.publicBaseUrl(), Clock.systemUTC(), settings.maxBodyBytes(), intake)));
            main.configure().addRoutesBuilder(new FileDropRoutes(channels, settings.dataDir(), publisher, metrics,
                    Clock.systemUTC()));
            // Stopped with the Camel context, after the routes (also when a SIGTERM stops the JVM).
            context.addService(new ServiceSupport() {
                @Override
                protected void doStart() {
                    if (ofbizDelivery != null) {
                        ofbizDelivery.start();
                    }
                    if (fetchConsumer != null) {
                        fetchConsumer.start();
                    }
                }

                @Override
                protected void doStop() {
                    release();
                }
            }, true, true);
            DeliverySettings delivery = DeliverySettings.from(context.getPropertiesComponent());
            if (delivery == null) {
                LOG.warn("OFBiz delivery is off (omni.ofbiz.baseUrl is empty): events wait on {}", HubTopics.INBOUND);
            } else {
                ofbizDelivery = new OfbizDelivery(bootstrapServers, delivery.groupId(), delivery.batchSize(),
                        delivery.client(System::getenv), metrics, delivery.initialBackoff(), delivery.maxBackoff());
                if (health != null) {
                    health.register(new DeliveryHealthCheck(ofbizDelivery));
                }
                gauges = new KafkaGauges(bootstrapServers, delivery.groupId(), prometheus);
            }
            OutboundAssembly.install(context, settings, bootstrapServers, channels, metrics);
        } catch (Exception e) {
            release();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Fetch-on-notify and polling (docs/hub.md): the queue every hub has (webhooks of fetching connectors
     * use it); the consumer, SQS routes and poll routes only when some channel needs them.
     */
    private FetchIntake fetchOnNotify(BaseMainSupport main, CamelContext context) {
        FetchTopics.ensure(bootstrapServers, settings.kafkaPartitions(), settings.effectiveReplicationFactor());
        fetchQueue = new FetchQueue(bootstrapServers);
        FetchIntake intake = new FetchIntake(fetchQueue, publisher);
        if (channels.channels().stream().anyMatch(FetchIntake::fetches)) {
            FetchSettings fetch = FetchSettings.from(context.getPropertiesComponent());
            fetchConsumer = new FetchConsumer(bootstrapServers, fetch.groupId(), fetch.workers(), channels, publisher, metrics,
                    fetch.initialBackoff(), fetch.maxBackoff());
        }
        if (SqsRoutes.wanted(channels)) {
            main.configure().addRoutesBuilder(new SqsRoutes(channels, intake, publisher, metrics, Clock.systemUTC()));
        }
        if (PollRoutes.wanted(channels)) {
            watermarks = new Watermarks(bootstrapServers);
            main.configure().addRoutesBuilder(new PollRoutes(channels, intake, watermarks, Clock.systemUTC()));
        }
        return intake;
    }

    private ChannelRegistry loadChannels(Connectors connectors) {
        List<ChannelDefinition> definitions;
        String label = settings.channelsFile().toString();
        if (Files.isRegularFile(settings.channelsFile())) {
            definitions = ChannelsFile.read(settings.channelsFile(), new HashSet<>(connectors.systems()));
        } else if (settings.demo()) {
            demo = true;
            definitions = List.of(DemoChannel.definition(settings.dataDir()));
        } else {
            definitions = List.of();
        }
        this.definitions = definitions;
        return ChannelRegistry.create(label, definitions, connectors, System::getenv);
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        eventLoops = HttpEventLoops.start(main.getCamelContext(), settings.httpEventLoops());
        DashboardEndpoints.install(main.getCamelContext(), new DashboardCollector(main.getCamelContext(), definitions,
                metrics, ofbizDelivery, Clock.systemUTC()));
        HubStartupReport.print(main.getCamelContext(), this);
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        release();
    }

    /** Closes what the assembly started; harmless when called again or when nothing started. */
    synchronized void release() {
        if (eventLoops != null) {
            eventLoops.close();
            eventLoops = null;
        }
        if (gauges != null) {
            gauges.close();
            gauges = null;
        }
        if (kafkaHealth != null) {
            kafkaHealth.close();
            kafkaHealth = null;
        }
        if (ofbizDelivery != null) {
            ofbizDelivery.stop();
            ofbizDelivery = null;
        }
        if (fetchConsumer != null) {
            fetchConsumer.stop();
            fetchConsumer = null;
        }
        if (watermarks != null) {
            watermarks.close();
            watermarks = null;
        }
        if (fetchQueue != null) {
            fetchQueue.close();
            fetchQueue = null;
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    HubSettings settings() {
        return settings;
    }

    ChannelRegistry channels() {
        return channels;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    HubMetrics metrics() {
        return metrics;
    }

    boolean demo() {
        return demo;
    }

    static Logger log() {
        return LOG;
    }
}
