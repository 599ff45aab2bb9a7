package org.omnichannel.hub.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The hub's topics, and their creation when a broker lacks them. */
public final class HubTopics {

    /** Canonical events, keyed by order (or fan) so one order's events stay in order. */
    public static final String INBOUND = "omni.inbound";
    /** Events OFBiz rejected, with the reason in the header {@value KafkaHeaders#REASON}. */
    public static final String INBOUND_DLQ = "omni.inbound.dlq";
    /** Every raw request body as received (and bodies that could not be mapped, quarantined). */
    public static final String RAW = "omni.raw";
    /** Outbox entries read from OFBiz, keyed by channel and product. */
    public static final String OUTBOUND = "omni.outbound";
    /** Pushes a channel refused for good. */
    public static final String OUTBOUND_DLQ = "omni.outbound.dlq";

    public static final List<String> ALL = List.of(INBOUND, INBOUND_DLQ, RAW, OUTBOUND, OUTBOUND_DLQ);

    private static final Logger LOG = LoggerFactory.getLogger(HubTopics.class);

    private HubTopics() {
    }

    /**
     * Creates the hub's topics that do not exist yet. Existing topics are left as they are.
     *
     * @param replicationFactor 1 for the embedded broker; 3 on a production cluster
     */
    public static void ensure(String bootstrapServers, int partitions, short replicationFactor) {
        Map<String, String> durable = replicationFactor > 1 ? Map.of("min.insync.replicas", "2") : Map.of();
        List<String> created = createMissing(bootstrapServers,
                ALL.stream().map(t -> new NewTopic(t, partitions, replicationFactor).configs(durable)).toList(),
                "the hub's topics", " (is the broker reachable? check KAFKA_BOOTSTRAP_SERVERS)");
        if (!created.isEmpty()) {
            LOG.info("created Kafka topics {} ({} partitions, replication factor {})", created, partitions,
                    replicationFactor);
        }
    }

    /**
     * Creates those of {@code wanted} that the broker lacks (a topic created meanwhile by another hub is fine)
     * and answers their names; existing topics are left as they are. A failure names {@code what} and ends with
     * {@code hint}.
     */
    public static List<String> createMissing(String bootstrapServers, List<NewTopic> wanted, String what, String hint) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + what + " on Kafka at " + bootstrapServers + ": "
                    + e.getMessage() + hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + what, e);
        }
    }
}
