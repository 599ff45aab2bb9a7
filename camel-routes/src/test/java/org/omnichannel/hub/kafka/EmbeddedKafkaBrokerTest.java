package org.omnichannel.hub.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.TopicReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker's durability setting: the log forced to disk on every write, or within an interval. */
class EmbeddedKafkaBrokerTest {

    @Test
    void zero_forces_the_log_to_disk_before_each_acknowledgement(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, 0)) {
            Config config = brokerConfig(broker);

            assertThat(config.get("log.flush.interval.messages").value()).isEqualTo("1");
        }
    }

    @Test
    void an_interval_lets_a_background_flusher_force_it_and_an_acknowledged_write_survives_a_restart(@TempDir Path dir)
            throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, 250)) {
            Config config = brokerConfig(broker);
            assertThat(config.get("log.flush.interval.ms").value()).isEqualTo("250");
            assertThat(config.get("log.flush.scheduler.interval.ms").value()).isEqualTo("250");
            assertThat(config.get("log.flush.interval.messages").value()).isEqualTo(String.valueOf(Long.MAX_VALUE));
            HubTopics.ensure(broker.bootstrapServers(), 1, (short) 1);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(broker.bootstrapServers(),
                    "flush-test"))) {
                producer.send(new ProducerRecord<>(HubTopics.RAW, "k", new byte[] {1, 2, 3})).get(30, TimeUnit.SECONDS);
            }
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dir, 0, 250)) {
            assertThat(TopicReader.readAll(again.bootstrapServers(), HubTopics.RAW)).hasSize(1);
        }
    }

    @Test
    void a_negative_interval_is_refused_naming_the_setting(@TempDir Path dir) {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0, -1))
                .hasMessageContaining("omni.kafka.embedded.flushIntervalMs must be 0 (flush every write) or a positive number");
    }

    private static Config brokerConfig(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            return admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS).get(node);
        }
    }
}
