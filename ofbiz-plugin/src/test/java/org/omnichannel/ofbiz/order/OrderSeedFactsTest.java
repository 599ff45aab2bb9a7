package org.omnichannel.ofbiz.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.ofbiz.order.OrderStatusDecision.Target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every OFBiz id the order adapter writes exists in OFBiz's seed data (not only its demo data),
 * so orders work in a production load: ../shared/ofbiz/seed-data.json.
 */
class OrderSeedFactsTest {

    private static JsonNode entities;

    @BeforeAll
    static void load() throws Exception {
        Path facts = Path.of(System.getProperty("omni.ofbiz.facts", "../shared/ofbiz"));
        entities = new ObjectMapper().readTree(facts.resolve("seed-data.json").toFile()).get("entities");
    }

    /** The rows of an entity that seed or seed-initial files load. */
    private static List<JsonNode> seedRows(String entity) {
        JsonNode e = entities.get(entity);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode file : e.get("files")) {
            if (file.get("reader").asText().startsWith("seed")) {
                int first = file.get("first").asInt();
                for (int i = first; i < first + file.get("count").asInt(); i++) {
                    rows.add(e.get("rows").get(i));
                }
            }
        }
        return rows;
    }

    private static Set<String> seedIds(String entity, String field) {
        Set<String> ids = new HashSet<>();
        seedRows(entity).forEach(r -> ids.add(r.path(field).asText()));
        return ids;
    }

    @Test
    void every_payment_method_maps_to_a_seed_payment_method_type() {
        Set<String> types = seedIds("PaymentMethodType", "paymentMethodTypeId");
        for (PaymentMethod method : PaymentMethod.values()) {
            assertThat(types).as(method.name()).contains(PaymentMethodTypes.of(method));
        }
    }

    @Test
    void adjustment_types_payment_types_and_statuses_written_are_seed_ids() {
        assertThat(seedIds("OrderAdjustmentType", "orderAdjustmentTypeId")).contains(AdjustmentPlan.DISCOUNT, AdjustmentPlan.SHIPPING,
                AdjustmentPlan.SALES_TAX, AdjustmentPlan.VAT_TAX, AdjustmentPlan.MISCELLANEOUS);
        assertThat(seedIds("PaymentType", "paymentTypeId")).contains("CUSTOMER_PAYMENT", "CUSTOMER_REFUND");
        assertThat(seedIds("StatusItem", "statusId")).contains("ITEM_CREATED", "PAYMENT_RECEIVED", "PMNT_RECEIVED", "PMNT_SENT");
        assertThat(seedIds("OrderItemType", "orderItemTypeId")).contains("PRODUCT_ORDER_ITEM");
        assertThat(seedIds("ContactMechPurposeType", "contactMechPurposeTypeId")).contains("SHIPPING_LOCATION", "BILLING_LOCATION");
        assertThat(seedIds("GoodIdentificationType", "goodIdentificationTypeId")).contains("SKU");
        assertThat(seedIds("UserLogin", "userLoginId")).contains("system");
        assertThat(seedIds("Party", "partyId")).contains(OrderCreator.ANONYMOUS_PARTY);
    }

    @Test
    void the_ship_group_carrier_and_method_are_a_seed_carrier_shipment_method() {
        assertThat(seedRows("CarrierShipmentMethod")).anySatisfy(r -> {
            assertThat(r.path("partyId").asText()).isEqualTo(OrderCreator.ANONYMOUS_PARTY);
            assertThat(r.path("roleTypeId").asText()).isEqualTo("CARRIER");
            assertThat(r.path("shipmentMethodTypeId").asText()).isEqualTo("STANDARD");
        });
    }

    @Test
    void every_status_step_is_a_valid_change_in_ofbiz_from_every_status_it_is_taken() {
        Map<String, Set<String>> valid = new HashMap<>();
        seedRows("StatusValidChange").forEach(r -> valid.computeIfAbsent(r.path("statusId").asText(), k -> new HashSet<>())
                .add(r.path("statusIdTo").asText()));
        List<String> orderStatuses = seedRows("StatusItem").stream().filter(r -> "ORDER_STATUS".equals(r.path("statusTypeId").asText()))
                .map(r -> r.path("statusId").asText()).toList();
        assertThat(orderStatuses).contains("ORDER_CREATED", "ORDER_APPROVED", "ORDER_HOLD", "ORDER_COMPLETED", "ORDER_CANCELLED");
        for (String from : orderStatuses) {
            for (Target target : Target.values()) {
                String current = from;
                for (String to : OrderStatusDecision.steps(from, target)) {
                    assertThat(valid.getOrDefault(current, Set.of())).as(current + " -> " + to + " for " + target).contains(to);
                    current = to;
                }
                if (!OrderStatusDecision.steps(from, target).isEmpty()) {
                    assertThat(current).isEqualTo(target.statusId());
                }
            }
        }
    }

    @Test
    void event_country_codes_become_ofbiz_country_geo_ids() {
        Set<String> geos = seedIds("Geo", "geoId");
        for (String alpha2 : List.of("CN", "TW", "HK", "DE", "US", "GB", "JP", "FR")) {
            assertThat(geos).as(alpha2).contains(Countries.geoId(alpha2));
        }
        assertThat(Countries.geoId("cn")).isNull();
        assertThat(Countries.geoId(null)).isNull();
    }
}
