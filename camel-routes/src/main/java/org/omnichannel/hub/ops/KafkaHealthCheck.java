package org.omnichannel.hub.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Readiness: the Kafka cluster answers (the hub cannot take a webhook without it). */
public final class KafkaHealthCheck extends AbstractHealthCheck implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;

    public KafkaHealthCheck(String bootstrapServers) {
        super("omni", "kafka");
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("bootstrap.servers", bootstrapServers);
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).size();
            builder.detail("brokers", brokers);
            builder.up();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder.message("Kafka at " + bootstrapServers + " does not answer: " + e.getClass().getSimpleName());
            builder.down();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
