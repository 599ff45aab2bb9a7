package org.omnichannel.hub.ingress;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.RawReference;
import org.omnichannel.hub.kafka.HubTopics;
import org.omnichannel.hub.kafka.KafkaHeaders;

import java.time.Instant;

/**
 * A request body exactly as received, kept on omni.raw so an event can be audited or re-mapped.
 *
 * @param reason why it was quarantined, or null when it was received normally
 */
public record RawBody(String channelId, byte[] body, String contentType, Instant receivedAt, String sha256,
                      String reason) {

    public static RawBody of(String channelId, byte[] body, String contentType, Instant receivedAt) {
        return new RawBody(channelId, body, contentType, receivedAt, Signatures.sha256Hex(body), null);
    }

    /** The Kafka key on omni.raw: the channel and the body's hash. */
    public String key() {
        return channelId + "/" + sha256;
    }

    /** Where events mapped from this body say their raw payload is. */
    public RawReference reference() {
        return new RawReference("kafka:" + HubTopics.RAW + "/" + key(), sha256, contentType == null || contentType.isBlank()
                ? null : contentType);
    }

    public RawBody quarantined(String why) {
        return new RawBody(channelId, body, contentType, receivedAt, sha256, why);
    }

    ProducerRecord<String, byte[]> toRecord() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.CHANNEL, KafkaHeaders.bytes(channelId));
        headers.add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.bytes(receivedAt.toString()));
        if (contentType != null) {
            headers.add(KafkaHeaders.CONTENT_TYPE, KafkaHeaders.bytes(contentType));
        }
        headers.add(KafkaHeaders.DISPOSITION, KafkaHeaders.bytes(reason == null ? "received" : "quarantined"));
        if (reason != null) {
            headers.add(KafkaHeaders.REASON, KafkaHeaders.bytes(reason));
        }
        return new ProducerRecord<>(HubTopics.RAW, null, key(), body, headers);
    }
}
