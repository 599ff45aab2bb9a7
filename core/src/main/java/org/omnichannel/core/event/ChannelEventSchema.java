package org.omnichannel.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The published JSON Schema (draft 2020-12) of {@link ChannelEvent}, at
 * {@value #RESOURCE} on the classpath and {@code core/src/main/resources/schema/} in the source.
 * Formats (date-time, date, uuid) are asserted, not only annotated.
 */
public final class ChannelEventSchema {

    public static final String RESOURCE = "/schema/channel-event.schema.json";

    private static final ChannelEventSchema INSTANCE = new ChannelEventSchema();

    private final JsonSchema schema;

    private ChannelEventSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(com.networknt.schema.PathType.JSON_PATH)
                .build();
        try (InputStream in = ChannelEventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: the core jar is incomplete");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChannelEventSchema get() {
        return INSTANCE;
    }

    /**
     * Every way the document breaks the schema, each starting with the JSON path of the field
     * ({@code $.payload.lines[0].quantity: ...}); empty when it is valid.
     */
    public List<String> validate(JsonNode document) {
        return schema.validate(document).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .distinct()
                .toList();
    }
}
