package org.omnichannel.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelEventSchemaTest {

    static Stream<ChannelEvent> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void every_sample_event_validates_against_the_published_schema_and_round_trips(ChannelEvent event) {
        JsonNode json = ChannelEventJson.toTree(event);

        assertThat(ChannelEventSchema.get().validate(json)).isEmpty();
        assertThat(ChannelEventJson.read(ChannelEventJson.toBytes(event))).isEqualTo(event);
    }

    @Test
    void the_samples_cover_every_event_type_and_interaction_subtype() {
        Set<EventType> types = samples().map(ChannelEvent::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        Set<InteractionKind> subtypes = samples().filter(e -> e.type() == EventType.INTERACTION)
                .map(e -> e.payloadAs(InteractionPayload.class).subtype())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InteractionKind.class)));

        assertThat(types).containsExactlyInAnyOrder(EventType.values());
        assertThat(subtypes).containsExactlyInAnyOrder(InteractionKind.values());
    }

    @Test
    void a_documented_example_file_validates_and_reads() throws IOException {
        byte[] json = resource("/events/order-placed.example.json");

        ChannelEvent event = ChannelEventJson.read(json);

        assertThat(event.type()).isEqualTo(EventType.ORDER_PLACED);
        assertThat(event.payloadAs(OrderPayload.class).grandTotal()).isEqualTo(new Money(129900, "CNY"));
        assertThat(event.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-20T02:15:00Z"));
    }

    @Test
    void rejects_an_order_without_order_id_naming_the_field() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.order(EventType.ORDER_PLACED));
        ((ObjectNode) json.get("payload")).remove("orderId");

        assertThatThrownBy(() -> ChannelEventJson.read(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.payload")
                .hasMessageContaining("orderId");
    }

    @Test
    void rejects_a_currency_that_is_not_iso_4217_shaped_naming_the_path() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.order(EventType.ORDER_PLACED));
        ((ObjectNode) json.at("/payload/grandTotal")).put("currency", "rmb");

        assertThatThrownBy(() -> ChannelEventJson.read(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.payload.grandTotal.currency");
    }

    @Test
    void rejects_a_payload_that_does_not_match_the_event_type() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.order(EventType.ORDER_PLACED));
        json.put("type", "PAYMENT_CAPTURED");

        assertThatThrownBy(() -> ChannelEventJson.read(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.payload.kind");
    }

    @Test
    void rejects_unknown_properties_and_bad_instants() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.interaction(InteractionKind.VISIT));
        json.put("colour", "blue");
        json.put("occurredAt", "yesterday");

        InvalidEventException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidEventException.class,
                () -> ChannelEventJson.read(json));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("colour"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("$.occurredAt"));
    }

    @Test
    void rejects_what_is_not_a_json_object() {
        assertThatThrownBy(() -> ChannelEventJson.read("{\"eventId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ChannelEventJson.read("[1,2]"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void model_rules_the_schema_cannot_express_are_reported_with_the_field_path() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.order(EventType.ORDER_PLACED));
        ((ObjectNode) json.at("/payload/lines/0/lineTotal")).put("currency", "EUR");

        assertThatThrownBy(() -> ChannelEventJson.read(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.payload")
                .hasMessageContaining("line L1 lineTotal is in EUR but the document is in CNY");
    }

    @Test
    void offsets_on_input_are_accepted_and_written_back_as_utc() {
        ObjectNode json = (ObjectNode) ChannelEventJson.toTree(SampleEvents.interaction(InteractionKind.VISIT));
        json.put("occurredAt", "2026-11-20T10:15:00+08:00");

        ChannelEvent event = ChannelEventJson.read(json);

        assertThat(event.occurredAt()).isEqualTo(SampleEvents.T0);
        assertThat(ChannelEventJson.toTree(event).get("occurredAt").asText()).isEqualTo("2026-11-20T02:15:00Z");
    }

    // ---- the schema and the Java model agree, enum by enum and record by record ----

    @Test
    void schema_enums_list_exactly_the_java_enum_constants() throws IOException {
        JsonNode schema = schema();
        assertEnum(schema.at("/properties/channelKind/enum"), ChannelKind.values());
        assertEnum(schema.at("/properties/type/enum"), EventType.values());
        assertEnum(schema.at("/$defs/Identity/properties/type/enum"), IdentityType.values());
        assertEnum(schema.at("/$defs/InteractionPayload/properties/subtype/enum"), InteractionKind.values());
        assertEnum(schema.at("/$defs/OrderPayload/properties/fulfilment/enum"), FulfilmentMode.values());
        assertEnum(schema.at("/$defs/PaymentPayload/properties/method/enum"), PaymentMethod.values());
        assertEnum(schema.at("/$defs/StockAdjustmentPayload/properties/reason/enum"), StockReason.values());
    }

    @Test
    void schema_definitions_have_exactly_the_properties_of_the_java_records() throws IOException {
        JsonNode schema = schema();
        assertProperties(schema, "", ChannelEvent.class);
        List<Class<? extends Record>> records = List.of(Money.class, Identity.class, Address.class,
                PersonDetails.class, EmployeeRef.class, FacilityRef.class, RawReference.class, OrderLine.class,
                OrderPayload.class, RefundLine.class, RefundPayload.class, PaymentPayload.class,
                InteractionPayload.class, IdentityLinkPayload.class, StockAdjustmentPayload.class,
                FanProfilePayload.class);
        for (Class<? extends Record> record : records) {
            assertProperties(schema, "/$defs/" + record.getSimpleName(), record);
        }
    }

    private static void assertProperties(JsonNode schema, String pointer, Class<? extends Record> record) {
        Set<String> expected = Arrays.stream(record.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        if (EventPayload.class.isAssignableFrom(record)) {
            expected.add("kind");
        }
        Set<String> actual = new TreeSet<>();
        schema.at(pointer + "/properties").fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as("properties of %s in the schema", record.getSimpleName()).isEqualTo(expected);
    }

    private static void assertEnum(JsonNode values, Enum<?>[] constants) {
        assertThat(values).isInstanceOf(ArrayNode.class);
        Set<String> actual = new TreeSet<>();
        values.forEach(v -> actual.add(v.asText()));
        assertThat(actual).isEqualTo(Arrays.stream(constants).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static JsonNode schema() throws IOException {
        return ChannelEventJson.mapper().readTree(resource(ChannelEventSchema.RESOURCE));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ChannelEventSchemaTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
