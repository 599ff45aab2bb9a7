package org.omnichannel.hub.sqs;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelKind;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsSettingsTest {

    private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/123456789012/omni-amazon-eu";

    @Test
    void takes_the_region_and_queue_name_from_an_aws_queue_url_and_keeps_the_secret_out_of_its_text() {
        SqsSettings sqs = SqsSettings.of(channel(Map.of("queueUrl", QUEUE),
                Map.of("awsAccessKeyId", "AKIAEXAMPLE", "awsSecretAccessKey", "do-not-print")));

        assertThat(sqs.region()).isEqualTo("eu-west-1");
        assertThat(sqs.queueName()).isEqualTo("omni-amazon-eu");
        assertThat(sqs.queueUrl()).isEqualTo(URI.create(QUEUE));
        assertThat(sqs.waitSeconds()).isEqualTo(20);
        assertThat(sqs.toString()).doesNotContain("do-not-print").doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void without_credentials_uses_the_aws_default_chain_but_refuses_half_a_key() {
        assertThat(SqsSettings.of(channel(Map.of("queueUrl", QUEUE), Map.of())).accessKeyId()).isNull();
        assertThatThrownBy(() -> SqsSettings.of(channel(Map.of("queueUrl", QUEUE), Map.of("awsAccessKeyId", "AKIAEXAMPLE"))))
                .hasMessage("channel 'amazon-eu' has only one of the secrets awsAccessKeyId and awsSecretAccessKey: give both, "
                        + "or neither to use the AWS default credentials (instance role)");
    }

    @Test
    void names_the_channel_and_the_setting_that_is_wrong() {
        assertThatThrownBy(() -> SqsSettings.of(channel(Map.of("queueUrl", "http://127.0.0.1:9324/000000000000/q"), Map.of())))
                .hasMessage("channel 'amazon-eu' has no setting awsRegion and its queueUrl does not name one: add e.g. "
                        + "awsRegion: us-east-1");
        assertThatThrownBy(() -> SqsSettings.of(channel(Map.of("queueUrl", "https://sqs.eu-west-1.amazonaws.com/"), Map.of())))
                .hasMessageStartingWith("channel 'amazon-eu' setting queueUrl 'https://sqs.eu-west-1.amazonaws.com/' is not an "
                        + "SQS queue URL");
        assertThatThrownBy(() -> SqsSettings.of(channel(Map.of("queueUrl", QUEUE, "sqsWaitSeconds", "60"), Map.of())))
                .hasMessage("channel 'amazon-eu' setting sqsWaitSeconds '60' is not a whole number from 0 to 20");
    }

    private static ChannelContext channel(Map<String, String> settings, Map<String, String> secrets) {
        return new ChannelContext("amazon-eu", ChannelKind.MARKETPLACE, "amazon-sp-api", settings, Secrets.of("amazon-eu", secrets));
    }
}
