package org.omnichannel.hub.sqs;

import org.omnichannel.connector.spi.ChannelContext;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's SQS queue, from its settings and secrets (channels file):
 * <ul>
 *   <li>{@code queueUrl} (setting): {@code https://sqs.us-east-1.amazonaws.com/123456789012/omni-amazon}; a channel
 *       with it gets an SQS route;</li>
 *   <li>{@code awsRegion} (setting): the queue's AWS region; by default read from the queue URL's host;</li>
 *   <li>{@code sqsEndpoint} (setting): another SQS endpoint (a local ElasticMQ or LocalStack);</li>
 *   <li>{@code awsAccessKeyId}, {@code awsSecretAccessKey} (secrets, by reference): the hub's IAM user; without
 *       them the AWS SDK's default chain (instance or task role, environment) is used;</li>
 *   <li>{@code sqsConsumers} (1), {@code sqsWaitSeconds} (20: long polling), {@code sqsMaxMessages} (10).</li>
 * </ul>
 */
record SqsSettings(URI queueUrl, String queueName, String region, URI endpoint, String accessKeyId, String secretAccessKey,
                   int consumers, int waitSeconds, int maxMessages) {

    private static final Pattern AWS_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    @Override
    public String toString() {
        // Never the secret key.
        return "SqsSettings[" + queueUrl + ", region " + region + (endpoint == null ? "" : ", endpoint " + endpoint) + "]";
    }

    static boolean wanted(ChannelContext channel) {
        return channel.setting("queueUrl").isPresent();
    }

    /** @throws IllegalStateException naming the channel, the setting and the fix */
    static SqsSettings of(ChannelContext channel) {
        String id = channel.channelId();
        String url = channel.requiredSetting("queueUrl").trim();
        URI queueUrl;
        try {
            queueUrl = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("channel '" + id + "' setting queueUrl '" + url + "' is not a URL");
        }
        String path = queueUrl.getPath() == null ? "" : queueUrl.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (queueUrl.getHost() == null || name.isBlank()) {
            throw new IllegalStateException("channel '" + id + "' setting queueUrl '" + url
                    + "' is not an SQS queue URL like https://sqs.us-east-1.amazonaws.com/123456789012/omni-amazon");
        }
        Optional<String> region = channel.setting("awsRegion");
        if (region.isEmpty()) {
            Matcher host = AWS_HOST.matcher(queueUrl.getHost());
            if (host.matches()) {
                region = Optional.of(host.group(1));
            }
        }
        String regionName = region.orElseThrow(() -> new IllegalStateException("channel '" + id
                + "' has no setting awsRegion and its queueUrl does not name one: add e.g. awsRegion: us-east-1"));
        URI endpoint = channel.setting("sqsEndpoint").map(URI::create).orElse(null);
        Optional<String> key = channel.secrets().get("awsAccessKeyId");
        Optional<String> secret = channel.secrets().get("awsSecretAccessKey");
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("channel '" + id + "' has only one of the secrets awsAccessKeyId and "
                    + "awsSecretAccessKey: give both, or neither to use the AWS default credentials (instance role)");
        }
        return new SqsSettings(queueUrl, name, regionName, endpoint, key.orElse(null), secret.orElse(null),
                number(channel, "sqsConsumers", 1, 1, 50), number(channel, "sqsWaitSeconds", 20, 0, 20),
                number(channel, "sqsMaxMessages", 10, 1, 10));
    }

    private static int number(ChannelContext channel, String setting, int fallback, int min, int max) {
        String value = channel.setting(setting).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("channel '" + channel.channelId() + "' setting " + setting + " '" + value
                + "' is not a whole number from " + min + " to " + max);
    }
}
