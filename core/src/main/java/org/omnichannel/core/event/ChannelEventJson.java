package org.omnichannel.core.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The one JSON mapping of {@link ChannelEvent}: instants as ISO-8601 UTC strings
 * ({@code 2026-11-23T08:15:00Z}; offsets such as {@code +08:00} are accepted on input), dates as
 * {@code yyyy-MM-dd}, money as {@code {"amountMinor": 1999, "currency": "EUR"}}, nulls left out,
 * unknown properties rejected.
 *
 * <p>Instants and dates are mapped here rather than with jackson-datatype-jsr310 because core also
 * runs inside OFBiz, which ships Jackson but not that module.
 */
public final class ChannelEventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(timeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ChannelEventJson() {
    }

    /** The configured mapper, for code that maps other core records the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(ChannelEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a ChannelEvent could not be written as JSON", e);
        }
    }

    public static String toJson(ChannelEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a ChannelEvent could not be written as JSON", e);
        }
    }

    public static JsonNode toTree(ChannelEvent event) {
        return MAPPER.valueToTree(event);
    }

    /**
     * Reads an event after checking it against the published schema, so that a producer learns
     * every problem at once, each with the path of its field.
     *
     * @throws InvalidEventException when the document is not JSON, breaks the schema or the model's rules
     */
    public static ChannelEvent read(byte[] json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
        return read(tree);
    }

    public static ChannelEvent read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads a parsed document; see {@link #read(byte[])}. */
    public static ChannelEvent read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(List.of("$: a ChannelEvent must be a JSON object"));
        }
        List<String> problems = ChannelEventSchema.get().validate(tree);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        try {
            return MAPPER.treeToValue(tree, ChannelEvent.class);
        } catch (JsonMappingException e) {
            throw new InvalidEventException(pathOf(e) + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(e.getOriginalMessage(), e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage();
        }
        return cause.getMessage();
    }

    private static SimpleModule timeModule() {
        SimpleModule module = new SimpleModule("omnichannel-time");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return IsoInstants.parse(text);
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "not an ISO-8601 date-time with offset, such as 2026-11-23T08:15:00Z");
                }
            }
        });
        module.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException | NullPointerException e) {
                    return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                            "not an ISO-8601 date, such as 1990-04-01");
                }
            }
        });
        return module;
    }
}
