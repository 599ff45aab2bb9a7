package org.omnichannel.hub.fetch;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.omnichannel.hub.kafka.HubTopics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The topics of fetch-on-notify and polling, and their creation when a broker lacks them. */
public final class FetchTopics {

    /** References to fetch ({@link FetchTask} JSON), keyed by channel + object: the durable queue. */
    public static final String FETCH = "omni.fetch";
    /** References whose fetch failed for good (404, 400, unknown channel), with the reason in {@code omni.reason}. */
    public static final String FETCH_DLQ = "omni.fetch.dlq";
    /** Compacted: per channel (key), the newest change a completed poll saw (ISO-8601 instant). */
    public static final String WATERMARKS = "omni.watermarks";

    private FetchTopics() {
    }

    /** Creates the missing ones; {@value #WATERMARKS} compacted with one partition. Existing topics are left alone. */
    public static void ensure(String bootstrapServers, int partitions, short replicationFactor) {
        Map<String, String> durable = replicationFactor > 1 ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2") : Map.of();
        Map<String, String> compacted = new HashMap<>(durable);
        compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        HubTopics.createMissing(bootstrapServers, List.of(
                new NewTopic(FETCH, partitions, replicationFactor).configs(durable),
                new NewTopic(FETCH_DLQ, partitions, replicationFactor).configs(durable),
                new NewTopic(WATERMARKS, 1, replicationFactor).configs(compacted)), "the fetch topics", "");
    }
}
