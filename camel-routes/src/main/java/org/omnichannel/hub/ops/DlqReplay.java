package org.omnichannel.hub.ops;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;
import org.omnichannel.hub.kafka.KafkaSettings;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.ArrayList;

/**
 * Puts dead letters back on omni.inbound after a fix (a product created in OFBiz, a mapping
 * corrected): all of them, one channel's, or one event. The replay keeps its own consumer group
 * on the DLQ, so a dead letter is replayed once; each copy carries the number of replays. OFBiz's
 * receipts by eventId keep a replay of an already processed event harmless.
 */
public final class DlqReplay {

    /** Which dead letters to replay. */
    public record Selection(String channelId, String eventId) {

        public static Selection all() {
            return new Selection(null, null);
        }

        boolean matches(ConsumerRecord<String, byte[]> record) {
            return (channelId == null || channelId.equals(KafkaHeaders.text(record.headers(), KafkaHeaders.CHANNEL)))
                    && (eventId == null || eventId.equals(KafkaHeaders.text(record.headers(), KafkaHeaders.EVENT_ID)));
        }
    }

    /** What a replay did: how many dead letters it read and how many it put back. */
    public record Outcome(int read, int replayed) {
    }

    public static final String GROUP = "omni-dlq-replay";

    private DlqReplay() {
    }

    /**
     * Replays the dead letters that match, up to the end of the DLQ as it is when called.
     * Non-matching letters stay on the DLQ and remain replayable by a later, wider selection:
     * the replay group's offsets advance only when the selection is "all".
     */
    public static Outcome replay(String bootstrapServers, Selection selection) throws ExecutionException, InterruptedException {
        String group = selection.channelId() == null && selection.eventId() == null ? GROUP
                : GROUP + "-" + java.util.UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, group,
                "omni-dlq-replay", 500));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers,
                     "omni-dlq-replay"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(HubTopics.INBOUND_DLQ, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(HubTopics.INBOUND_DLQ, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(30)).forEach((p, o) -> {
                if (o == null) {
                    consumer.seekToBeginning(List.of(p));
                } else {
                    consumer.seek(p, o.offset());
                }
            });
            int read = 0;
            List<Future<?>> sends = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    read++;
                    committed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    if (selection.matches(record)) {
                        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
                        String previous = KafkaHeaders.text(headers, KafkaHeaders.REPLAYS);
                        headers.remove(KafkaHeaders.REPLAYS);
                        headers.add(KafkaHeaders.REPLAYS, KafkaHeaders.bytes(String.valueOf(
                                previous == null ? 1 : Integer.parseInt(previous) + 1)));
                        sends.add(producer.send(new ProducerRecord<>(HubTopics.INBOUND, null, record.key(), record.value(),
                                headers)));
                    }
                }
            }
            for (Future<?> send : sends) {
                send.get();
            }
            if (group.equals(GROUP) && !committed.isEmpty()) {
                consumer.commitSync(committed);
            }
            return new Outcome(read, sends.size());
        }
    }
}
