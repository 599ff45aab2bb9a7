package org.omnichannel.hub.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/** Names of the Kafka record headers the hub writes, and reading them as text. */
public final class KafkaHeaders {

    public static final String CHANNEL = "omni.channel";
    public static final String EVENT_ID = "omni.eventId";
    public static final String CONTENT_TYPE = "omni.contentType";
    public static final String RECEIVED_AT = "omni.receivedAt";
    /** Why a record is on a dead-letter topic or in quarantine. */
    public static final String REASON = "omni.reason";
    /** What the record is on omni.raw: "received" or "quarantined". */
    public static final String DISPOSITION = "omni.disposition";
    /** How many times a record was replayed from a DLQ. */
    public static final String REPLAYS = "omni.replays";

    private KafkaHeaders() {
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
