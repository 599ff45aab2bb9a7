package org.omnichannel.connector.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import org.omnichannel.core.event.IsoInstants;
import org.omnichannel.core.event.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reading vendors' JSON bodies for connectors: size and content-type checks, and field access whose
 * errors name the field ({@code "order.line_items[0].price is missing"}). Numbers are read as
 * {@link BigDecimal}, so no amount passes through a double.
 */
public final class JsonBodies {

    /** Larger bodies are refused before parsing; no vendor webhook we map comes near it. */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /**
     * The body as a JSON object.
     *
     * @param system named in the messages ("shopify webhook body is not JSON: ...")
     * @throws BadPayloadException when the body is empty, too large, declared as another media type,
     *                             not JSON, or not an object
     */
    public static JsonNode object(InboundRequest request, String system) {
        byte[] body = request.body();
        if (body.length == 0) {
            throw new BadPayloadException(system + " request has an empty body; expected a JSON object");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadPayloadException(system + " request body is " + body.length + " bytes; the limit is "
                    + MAX_BODY_BYTES);
        }
        String type = request.mediaType();
        if (!type.isEmpty() && !type.equals("application/json") && !type.endsWith("+json")) {
            throw new BadPayloadException(system + " request has Content-Type '" + type + "'; expected application/json");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadPayloadException(system + " request body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadPayloadException(system + " request body is not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BadPayloadException(system + " request body is not a JSON object");
        }
        return tree;
    }

    /** A field as text (numbers included), or null when absent, null or blank. */
    public static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        return text.isBlank() ? null : text;
    }

    /** A field as text; {@code where} is the path of {@code parent} for the message ("order", "refund.line_items[2]"). */
    public static String requireText(JsonNode parent, String field, String where) {
        String value = text(parent, field);
        if (value == null) {
            throw new BadPayloadException(where + "." + field + " is missing");
        }
        return value;
    }

    /** A decimal field, or null when absent; a value that is not a number is an error naming the field. */
    public static BigDecimal decimal(JsonNode parent, String field, String where) {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new BadPayloadException(where + "." + field + " is not a number: '" + value + "'");
        }
    }

    public static BigDecimal requireDecimal(JsonNode parent, String field, String where) {
        BigDecimal value = decimal(parent, field, where);
        if (value == null) {
            throw new BadPayloadException(where + "." + field + " is missing");
        }
        return value;
    }

    /** A child object, or a missing node (never null) when absent. */
    public static JsonNode child(JsonNode parent, String field) {
        return parent == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : parent.path(field);
    }

    /** A child object that must be there. */
    public static JsonNode requireObject(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isObject()) {
            throw new BadPayloadException(where + "." + field + " is missing or not an object");
        }
        return node;
    }

    /**
     * An ISO-8601 date-time with an offset ({@code 2008-01-10T11:00:00-05:00}, {@code 2020-02-06T21:27:30.792Z}),
     * or null when absent.
     */
    public static Instant instant(JsonNode parent, String field, String where) {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return IsoInstants.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadPayloadException(where + "." + field + " is not an ISO-8601 date-time with offset: '"
                    + value + "'");
        }
    }

    public static Instant requireInstant(JsonNode parent, String field, String where) {
        Instant value = instant(parent, field, where);
        if (value == null) {
            throw new BadPayloadException(where + "." + field + " is missing");
        }
        return value;
    }

    /** The shared mapper (BigDecimal floats), for connectors that build JSON request bodies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A vendor's money object under {@code parent.field} ({@code {"currency":"USD","value":"12.50"}} and
     * the like, the two property names given) in the order's currency, exactly; zero when absent.
     *
     * @throws BadPayloadException when it lacks a property, is in another currency or has more
     *                             decimals than the currency allows; the message names {@code where.field}
     */
    public static Money money(JsonNode parent, String field, String currencyProperty, String amountProperty,
            String where, String currency) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Money.zero(currency);
        }
        String code = requireText(node, currencyProperty, where + "." + field);
        String amount = requireText(node, amountProperty, where + "." + field);
        if (!code.equals(currency)) {
            throw new BadPayloadException(where + "." + field + " is in " + code + ", the order in " + currency);
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new BadPayloadException(where + "." + field + ": " + e.getMessage());
        }
    }
}
