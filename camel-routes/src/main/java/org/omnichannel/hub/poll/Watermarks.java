package org.omnichannel.hub.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.omnichannel.hub.fetch.FetchTopics;
import org.omnichannel.hub.kafka.KafkaSettings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Each channel's poll watermark (the newest change a completed poll saw) in the compacted topic
 * {@value FetchTopics#WATERMARKS}, key = channel id, value = an ISO-8601 instant. Kafka keeps the last
 * value per key, so the watermark survives restarts and every hub reads the same one. Read before every
 * poll (another hub may have moved it), written only after every page's references are on the broker.
 */
public final class Watermarks implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;

    public Watermarks(String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "omni-hub-watermarks"));
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "omni-hub-watermarks-reader");
        config.put("enable.auto.commit", false);
        config.put("isolation.level", "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The channel's watermark, or empty when no poll of it ever completed. */
    public synchronized Optional<Instant> read(String channelId) {
        List<TopicPartition> partitions = consumer.partitionsFor(FetchTopics.WATERMARKS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(FetchTopics.WATERMARKS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Instant found = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + FetchTopics.WATERMARKS + " within 30 s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (channelId.equals(record.key()) && record.value() != null) {
                    found = parse(record.value(), found);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Writes the channel's watermark and waits for the broker's acknowledgement. */
    public void write(String channelId, Instant watermark) {
        try {
            producer.send(new ProducerRecord<>(FetchTopics.WATERMARKS, channelId,
                    watermark.toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the watermark of channel '" + channelId + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a watermark", e);
        }
    }

    private static Instant parse(byte[] value, Instant previous) {
        try {
            return Instant.parse(new String(value, StandardCharsets.UTF_8).trim());
        } catch (DateTimeParseException e) {
            return previous; // not ours; keep the last readable one
        }
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(10));
        consumer.close(Duration.ofSeconds(10));
    }
}
