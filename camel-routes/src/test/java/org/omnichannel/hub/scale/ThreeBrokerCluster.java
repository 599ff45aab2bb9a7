package org.omnichannel.hub.scale;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A replicated Kafka cluster in this JVM: three KRaft nodes, each broker and controller, made by
 * Kafka's own KafkaClusterTestKit on free ports with its logs in a temporary directory it deletes
 * on close. Internal topics are replicated three times with min.insync.replicas 2, as the hub's
 * topics are on a production cluster.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private ThreeBrokerCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static ThreeBrokerCluster start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(3)
                .setNumControllerNodes(3)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .build())
                .setConfigProp("default.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new ThreeBrokerCluster(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    int brokers() {
        return cluster.brokers().size();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
