package org.omnichannel.core.fan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One observation of a person, as raw as it came: the plain form the engine resolves. A
 * {@code ChannelEvent} becomes one with {@link EventRecords}; the benchmark builds them from CSV rows.
 *
 * @param recordId      unique and stable (the eventId): resolving the same record twice is a no-op
 * @param source        where it came from (the channel id)
 * @param defaultRegion ISO 3166-1 alpha-2 region for phone numbers written without a country code
 * @param identities    strong identifiers, raw
 * @param attributes    person attributes, raw
 */
public record FanRecord(String recordId, String source, String defaultRegion, List<RawKey> identities,
                        Map<PersonField, String> attributes) {

    public FanRecord {
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("record id is required and must not be blank");
        }
        identities = identities == null ? List.of() : List.copyOf(identities);
        EnumMap<PersonField, String> copy = new EnumMap<>(PersonField.class);
        if (attributes != null) {
            attributes.forEach((field, value) -> {
                if (value != null && !value.isBlank()) {
                    copy.put(field, value);
                }
            });
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    public String attribute(PersonField field) {
        return attributes.get(field);
    }

    public static Builder builder(String recordId) {
        return new Builder(recordId);
    }

    /**
     * A raw strong identifier.
     *
     * @param namespace where the value is unique (WeChat appid...), or null
     */
    public record RawKey(KeyType type, String value, String namespace, boolean verified) {

        public RawKey {
            if (type == null) {
                throw new IllegalArgumentException("identifier type is required");
            }
        }
    }

    /** Collects fields one by one; blank values are ignored. */
    public static final class Builder {
        private final String recordId;
        private String source;
        private String defaultRegion;
        private final List<RawKey> identities = new ArrayList<>();
        private final Map<PersonField, String> attributes = new EnumMap<>(PersonField.class);

        private Builder(String recordId) {
            this.recordId = recordId;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder defaultRegion(String region) {
            this.defaultRegion = region;
            return this;
        }

        public Builder identity(KeyType type, String value) {
            return identity(type, value, null, false);
        }

        public Builder identity(KeyType type, String value, String namespace, boolean verified) {
            if (value != null && !value.isBlank()) {
                identities.add(new RawKey(type, value, namespace, verified));
            }
            return this;
        }

        public Builder attribute(PersonField field, String value) {
            if (value != null && !value.isBlank()) {
                attributes.put(field, value);
            }
            return this;
        }

        public FanRecord build() {
            return new FanRecord(recordId, source, defaultRegion, identities, attributes);
        }
    }
}
