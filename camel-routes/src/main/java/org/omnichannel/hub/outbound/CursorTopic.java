package org.omnichannel.hub.outbound;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@value #NAME}: where the hub keeps how far it has read OFBiz's outbox. One partition, compacted, one
 * record per OFBiz (key: its base URL, value: the last cursor published to omni.outbound). The single
 * partition doubles as the leader election among N hubs: the consumer group {@code omni.outbox.groupId}
 * gives it to exactly one member, and that hub alone polls the outbox.
 */
final class CursorTopic {

    static final String NAME = "omni.outbound.cursor";

    private CursorTopic() {
    }

    /** Creates the topic when it is missing; an existing one is left as it is. */
    static void ensure(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(NAME)) {
                return;
            }
            Map<String, String> configs = new HashMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            if (replicationFactor > 1) {
                configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            }
            try {
                admin.createTopics(List.of(new NewTopic(NAME, 1, replicationFactor).configs(configs))).all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka topic " + NAME + " at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + NAME, e);
        }
    }
}
