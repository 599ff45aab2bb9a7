package org.omnichannel.hub.fetch;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SQS-protocol server (ElasticMQ) on 127.0.0.1 and a free port, in this JVM, with an AWS SDK client
 * to put messages on its queues as SP-API would and to look at what is left.
 */
public final class ElasticMq implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIAHUBTEST0000000000";
    public static final String SECRET_KEY = "hub-test-secret-access-key";
    public static final String REGION = "us-east-1";

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    public ElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion(REGION).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a queue whose messages come back 2 s after a consumer failed them; its URL. */
    public String createQueue(String name) {
        return createQueue(name, 2);
    }

    /** Creates a queue with the given visibility timeout (how long a received message stays hidden); its URL. */
    public String createQueue(String name, int visibilitySeconds) {
        return client.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                String.valueOf(visibilitySeconds)))).queueUrl();
    }

    public void send(String queueUrl, String body) {
        client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /** Sends in batches of 10, as fast as the server takes them. */
    public void sendAll(String queueUrl, List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
            }
            client.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }

    /** Messages still in the queue, visible or being processed (not yet deleted). */
    public int remaining(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
