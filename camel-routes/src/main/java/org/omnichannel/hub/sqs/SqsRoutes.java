package org.omnichannel.hub.sqs;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.omnichannel.hub.channel.ChannelRegistry;
import org.omnichannel.hub.fetch.FetchIntake;
import org.omnichannel.hub.ingress.InboundPublisher;
import org.omnichannel.hub.ops.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One route {@code sqs-<channelId>} per enabled channel with the setting {@code queueUrl} (Amazon SP-API
 * notifications), consuming with Camel's aws2-sqs component through an SQS client built from the channel's
 * settings and secrets ({@link SqsSettings}). Each message goes through {@link SqsHandler}; the component
 * deletes it only when the exchange succeeded, i.e. after what it carries is on Kafka.
 */
public final class SqsRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SqsRoutes.class);

    private final ChannelRegistry channels;
    private final SqsHandler handler;
    private final List<SqsClient> clients = new CopyOnWriteArrayList<>();
    /** Completes exchanges (and so deletes SQS messages) off Kafka's producer thread. */
    private final ExecutorService completions = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "omni-sqs-completion");
        thread.setDaemon(true);
        return thread;
    });

    public SqsRoutes(ChannelRegistry channels, FetchIntake intake, InboundPublisher publisher, HubMetrics metrics, Clock clock) {
        this.channels = channels;
        this.handler = new SqsHandler(channels, intake, publisher, metrics, clock, completions);
    }

    /** True when some enabled channel names an SQS queue. */
    public static boolean wanted(ChannelRegistry channels) {
        return channels.channels().stream().anyMatch(channel -> SqsSettings.wanted(channel.context()));
    }

    @Override
    public void configure() throws Exception {
        getContext().addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                completions.shutdown();
                clients.forEach(SqsClient::close);
                clients.clear();
            }
        }, true, true);
        for (ChannelRegistry.Channel channel : channels.channels()) {
            if (!SqsSettings.wanted(channel.context())) {
                continue;
            }
            SqsSettings sqs = SqsSettings.of(channel.context());
            String bean = "omni-sqs-" + channel.id();
            getContext().getRegistry().bind(bean, SqsClient.class, client(sqs));
            from("aws2-sqs://" + sqs.queueName() + "?amazonSQSClient=#" + bean
                    + "&queueUrl=RAW(" + sqs.queueUrl() + ")"
                    + "&deleteAfterRead=true&autoCreateQueue=false"
                    + "&waitTimeSeconds=" + sqs.waitSeconds()
                    + "&maxMessagesPerPoll=" + sqs.maxMessages()
                    + "&concurrentConsumers=" + sqs.consumers()
                    + "&greedy=true&delay=200")
                    .routeId("sqs-" + channel.id())
                    .setProperty(SqsHandler.CHANNEL_PROPERTY, constant(channel.id()))
                    .setProperty(SqsHandler.QUEUE_PROPERTY, constant(sqs.queueUrl().toString()))
                    .process(handler);
            LOG.info("channel '{}': consuming {}", channel.id(), sqs);
        }
    }

    private SqsClient client(SqsSettings sqs) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(sqs.region()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(sqs.accessKeyId() == null ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(sqs.accessKeyId(), sqs.secretAccessKey())));
        if (sqs.endpoint() != null) {
            builder.endpointOverride(sqs.endpoint());
        }
        SqsClient client = builder.build();
        clients.add(client);
        return client;
    }
}
