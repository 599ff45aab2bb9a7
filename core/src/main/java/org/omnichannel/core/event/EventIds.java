package org.omnichannel.core.event;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (RFC 9562 version 5, SHA-1) of the channel id and the
 * vendor's own id of the event or object. The same webhook delivered twice gets the same id, so
 * OFBiz can make at-least-once delivery exactly-once.
 *
 * <p>A webhook that yields several events (an order and its payment) passes several parts, e.g.
 * {@code of("shop-eu", "order", "4711", "placed")}.
 */
public final class EventIds {

    /** The namespace of all omnichannel event ids (a fixed random UUID). */
    public static final UUID NAMESPACE = UUID.fromString("6f6d6e69-6368-4a6e-8e65-6c2d65766e74");

    private EventIds() {
    }

    public static String of(String channelId, String... externalIdParts) {
        Checks.requiredText(channelId, "channelId");
        if (externalIdParts == null || externalIdParts.length == 0) {
            throw new IllegalArgumentException("an event id needs the vendor's own id of the event or object");
        }
        StringBuilder name = new StringBuilder(channelId);
        for (String part : externalIdParts) {
            // The unit separator cannot occur in ids, so ("a", "bc") and ("ab", "c") differ.
            name.append('\u001f').append(Checks.requiredText(part, "external id part"));
        }
        return nameUuid(name.toString()).toString();
    }

    private static UUID nameUuid(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
