package org.omnichannel.hub.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.omnichannel.hub.kafka.HubTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Gauges read from Kafka every few seconds: the delivery lag (events on omni.inbound the delivery
 * group has not committed) and the depth of each dead-letter topic.
 */
public final class KafkaGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaGauges.class);

    private final Admin admin;
    private final String deliveryGroup;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong inboundDlq = new AtomicLong(-1);
    private final AtomicLong outboundDlq = new AtomicLong(-1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "omni-kafka-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public KafkaGauges(String bootstrapServers, String deliveryGroup, MeterRegistry registry) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.deliveryGroup = deliveryGroup;
        Gauge.builder("omni.delivery.lag", lag, AtomicLong::get).description("events on omni.inbound not yet confirmed by OFBiz")
                .register(registry);
        Gauge.builder("omni.dlq.depth", inboundDlq, AtomicLong::get).tag("topic", HubTopics.INBOUND_DLQ)
                .description("records on the dead-letter topic").register(registry);
        Gauge.builder("omni.dlq.depth", outboundDlq, AtomicLong::get).tag("topic", HubTopics.OUTBOUND_DLQ)
                .description("records on the dead-letter topic").register(registry);
        timer.scheduleWithFixedDelay(this::refresh, 0, 5, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            Map<TopicPartition, Long> inboundEnd = endOffsets(HubTopics.INBOUND);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(deliveryGroup)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long total = 0;
            for (Map.Entry<TopicPartition, Long> end : inboundEnd.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                total += end.getValue() - (done == null ? 0 : done.offset());
            }
            lag.set(total);
            inboundDlq.set(endOffsets(HubTopics.INBOUND_DLQ).values().stream().mapToLong(Long::longValue).sum());
            outboundDlq.set(endOffsets(HubTopics.OUTBOUND_DLQ).values().stream().mapToLong(Long::longValue).sum());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("could not read Kafka offsets for the gauges: {}", e.getMessage());
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        var description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry
                : admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).entrySet()) {
            offsets.put(entry.getKey(), entry.getValue().offset());
        }
        return offsets;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
