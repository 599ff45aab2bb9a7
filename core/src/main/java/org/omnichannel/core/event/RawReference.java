package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the vendor's raw payload is kept, so an event can be replayed or audited.
 *
 * @param location    e.g. {@code kafka:omni.raw/<key>} or a file path of a dropped file
 * @param sha256      lower-case hex SHA-256 of the raw bytes
 * @param contentType the media type the vendor sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawReference(String location, String sha256, String contentType) {

    public RawReference {
        location = Checks.requiredText(location, "raw.location");
        sha256 = Checks.optionalText(sha256);
        contentType = Checks.optionalText(contentType);
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("raw.sha256 must be 64 lower-case hex digits");
        }
    }
}
