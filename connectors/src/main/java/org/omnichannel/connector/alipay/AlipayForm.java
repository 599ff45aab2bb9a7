package org.omnichannel.connector.alipay;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an Alipay notification, read from the raw form body exactly once: each value is
 * URL-decoded with the charset the request declares (the Content-Type's {@code charset}, else the
 * form's own {@code charset} field, else UTF-8). Alipay signs the decoded values, so nothing is
 * re-encoded or trimmed.
 */
record AlipayForm(Map<String, String> params) {

    static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    AlipayForm {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * @throws BadPayloadException when the request is not a well-formed form: another content type, a
     *                             malformed %-escape, an unknown charset or a parameter sent twice
     */
    static AlipayForm read(InboundRequest request) {
        String mediaType = request.mediaType();
        if (!mediaType.isEmpty() && !mediaType.equals(FORM_MEDIA_TYPE)) {
            throw new BadPayloadException("Alipay notifications are " + FORM_MEDIA_TYPE + ", but Content-Type is '"
                    + mediaType + "'");
        }
        if (request.body().length > JsonBodies.MAX_BODY_BYTES) {
            throw new BadPayloadException("Alipay notification body is " + request.body().length
                    + " bytes; the limit is " + JsonBodies.MAX_BODY_BYTES);
        }
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        if (body.isBlank()) {
            throw new BadPayloadException("Alipay notification body is empty: expected form fields such as notify_type");
        }
        Charset charset = charset(request.header("Content-Type"), body);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            if (params.put(name, value) != null) {
                throw new BadPayloadException("form field '" + name + "' is sent twice");
            }
        }
        return new AlipayForm(params);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }

    /** A field the notification type must carry; the message names the type and the field. */
    String require(String name) {
        return get(name).orElseThrow(() -> new BadPayloadException(
                "Alipay " + get("notify_type").orElse("notification") + " has no '" + name + "' field"));
    }

    private static String decode(String encoded, Charset charset) {
        // The raw body was read as ISO-8859-1, which maps bytes 1:1; escapes are decoded with the real charset.
        String bytesAsText = new String(encoded.getBytes(StandardCharsets.ISO_8859_1), charset);
        try {
            return URLDecoder.decode(bytesAsText, charset);
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException("form body has a malformed %-escape: " + e.getMessage());
        }
    }

    private static Charset charset(String contentType, String body) {
        String name = null;
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    name = p.substring("charset=".length()).replace("\"", "").trim();
                }
            }
        }
        if (name == null) {
            for (String pair : body.split("&")) {
                if (pair.startsWith("charset=")) {
                    name = pair.substring("charset=".length());
                }
            }
        }
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadPayloadException("charset '" + name + "' of the Alipay notification is unknown");
        }
    }
}
