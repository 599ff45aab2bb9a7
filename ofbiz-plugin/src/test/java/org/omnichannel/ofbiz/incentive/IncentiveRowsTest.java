package org.omnichannel.ofbiz.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.incentive.AttributedEvent;
import org.omnichannel.core.incentive.CreditKind;
import org.omnichannel.core.incentive.EmployeeDirectory;
import org.omnichannel.core.incentive.InMemoryCreditLedger;
import org.omnichannel.core.incentive.IncentiveEngine;
import org.omnichannel.core.incentive.IncentivePlan;
import org.omnichannel.core.incentive.LedgerEntry;
import org.omnichannel.core.incentive.OrderCreditState;
import org.omnichannel.core.incentive.PeriodCalendar;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin's plan rows as core's plans, core's ledger entries as OmniCreditEntry rows, order credit state as JSON. */
class IncentiveRowsTest {

    /** The demo plan of data/OmnichannelDemoData.xml. */
    static final List<PlanRows.Rule> DEMO_RULES = List.of(
            new PlanRows.Rule("00001", "OMNI_CON_SALE", null, new BigDecimal("2")),
            new PlanRows.Rule("00002", "OMNI_CON_REFERRAL", null, new BigDecimal("3")),
            new PlanRows.Rule("00003", "OMNI_CON_CONTACT", new BigDecimal("5.00"), null),
            new PlanRows.Rule("00004", "OMNI_CON_COMPLAINT", new BigDecimal("10.00"), null));

    private static IncentivePlan demoPlan() {
        return PlanRows.plan("OMNI_PLAN_2026", "2026", "CNY", Instant.parse("2025-12-31T16:00:00Z"), null, DEMO_RULES);
    }

    private static ChannelEvent event(String type, String eventId, String employee, String payload) {
        return ChannelEventJson.read("""
                {"schemaVersion": 1, "eventId": "%s", "channelId": "store-sh", "channelKind": "OFFLINE_DIRECT", "system": "generic",
                 "type": "%s", "occurredAt": "2026-11-20T10:15:00+08:00", "receivedAt": "2026-11-20T02:15:02Z",
                 "identities": [{"type": "PHONE", "value": "+8613800138000"}],%s
                 "payload": %s}
                """.formatted(eventId, type, employee == null ? "" : " \"employee\": {\"id\": \"" + employee + "\"},", payload));
    }

    @Test
    void the_demo_plan_credits_a_complaint_and_the_first_contact_and_a_refund_reverses_the_sale_commission() {
        InMemoryCreditLedger ledger = new InMemoryCreditLedger();
        IncentiveEngine engine = new IncentiveEngine(List.of(demoPlan()), EmployeeDirectory.of(Map.of()),
                PeriodCalendar.monthly(ZoneId.of("Asia/Shanghai")), ledger);
        List<LedgerEntry> complaint = engine.record(new AttributedEvent("OMNI_FAN_WANG", event("INTERACTION",
                "11111111-1111-4111-8111-111111111111", "OMNI_EMP_LI", "{\"kind\": \"interaction\", \"subtype\": \"COMPLAINT\"}")));
        assertThat(complaint).extracting(e -> e.amount().value()).containsExactlyInAnyOrder(500L, 1000L);
        assertThat(complaint).extracting(e -> PlanRows.ruleSeqId(e.ruleId(), DEMO_RULES)).containsExactlyInAnyOrder("00003", "00004");

        String order = "{\"kind\": \"order\", \"orderId\": \"T-1\", \"currency\": \"CNY\", \"lines\": [{\"lineId\": \"L1\", \"sku\": \"GZ-2644\","
                + " \"quantity\": 1, \"unitPrice\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}, \"lineTotal\": {\"amountMinor\": 100000,"
                + " \"currency\": \"CNY\"}}], \"grandTotal\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}, \"fulfilment\": \"IN_STORE\"}";
        LedgerEntry sale = engine.record(new AttributedEvent("OMNI_FAN_WANG", event("ORDER_PLACED",
                "22222222-2222-4222-8222-222222222222", "OMNI_EMP_LI", order))).get(0);
        assertThat(sale.kind()).isEqualTo(CreditKind.SALE_COMMISSION);
        assertThat(LedgerRows.decimal(sale.amount())).isEqualByComparingTo("20.00");
        assertThat(PlanRows.ruleSeqId(sale.ruleId(), DEMO_RULES)).isEqualTo("00001");

        List<LedgerEntry> reversal = engine.record(new AttributedEvent("OMNI_FAN_WANG", event("REFUND_ISSUED",
                "33333333-3333-4333-8333-333333333333", null, "{\"kind\": \"refund\", \"refundId\": \"R-1\", \"orderId\": \"T-1\","
                        + " \"amount\": {\"amountMinor\": 100000, \"currency\": \"CNY\"}}")));
        assertThat(reversal).singleElement().satisfies(e -> {
            assertThat(LedgerRows.decimal(e.amount())).isEqualByComparingTo("-20.00");
            assertThat(e.reversesEntryId()).isEqualTo(sale.entryId());
        });
    }

    @Test
    void a_clerk_who_refers_a_fan_to_the_web_shop_earns_the_referral_commission_of_the_order_there() {
        InMemoryCreditLedger ledger = new InMemoryCreditLedger();
        IncentiveEngine engine = new IncentiveEngine(List.of(demoPlan()), EmployeeDirectory.of(Map.of()),
                PeriodCalendar.monthly(ZoneId.of("Asia/Shanghai")), ledger);
        engine.record(new AttributedEvent("F1", event("INTERACTION", "44444444-4444-4444-8444-444444444444", "OMNI_EMP_LI",
                "{\"kind\": \"interaction\", \"subtype\": \"REFERRAL\", \"productIds\": [\"GZ-1000\"]}")));
        String order = ChannelEventJson.toJson(event("ORDER_PLACED", "55555555-5555-4555-8555-555555555555", null,
                "{\"kind\": \"order\", \"orderId\": \"W-1\", \"currency\": \"CNY\", \"lines\": [{\"lineId\": \"L1\", \"sku\": \"GZ-1000\","
                        + " \"quantity\": 1, \"unitPrice\": {\"amountMinor\": 50000, \"currency\": \"CNY\"}, \"lineTotal\": {\"amountMinor\": 50000,"
                        + " \"currency\": \"CNY\"}}], \"grandTotal\": {\"amountMinor\": 50000, \"currency\": \"CNY\"}, \"fulfilment\": \"SHIP\"}"))
                .replace("\"channelId\":\"store-sh\"", "\"channelId\":\"shop-web\"").replace("\"OFFLINE_DIRECT\"", "\"OWN_ECOMMERCE\"");
        List<LedgerEntry> referral = engine.record(new AttributedEvent("F1", ChannelEventJson.read(order)));
        assertThat(referral).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CreditKind.REFERRAL_COMMISSION);
            assertThat(e.employeeId()).isEqualTo("OMNI_EMP_LI");
            assertThat(LedgerRows.decimal(e.amount())).as("3% of 500.00").isEqualByComparingTo("15.00");
            assertThat(PlanRows.ruleSeqId(e.ruleId(), DEMO_RULES)).isEqualTo("00002");
        });
    }

    @Test
    void a_rule_that_does_not_fit_its_contribution_is_refused_by_plan_and_rule() {
        assertThatThrownBy(() -> PlanRows.plan("P", null, "CNY", null, null,
                List.of(new PlanRows.Rule("00009", "OMNI_CON_SALE", new BigDecimal("5"), null))))
                .hasMessageContaining("incentive plan P rule 00009").hasMessageContaining("percentOfOrder");
        assertThatThrownBy(() -> PlanRows.plan("P", null, "CNY", null, null,
                List.of(new PlanRows.Rule("00009", "OMNI_CON_TRY_ON", null, null)))).hasMessageContaining("fixedAmount");
        assertThatThrownBy(() -> PlanRows.plan("P", null, "CNY", null, null,
                List.of(new PlanRows.Rule("00009", "OMNI_CON_SALE", null, new BigDecimal("2.555"))))).hasMessageContaining("two decimals");
        assertThat(PlanRows.plan("P", null, null, null, null, List.of()).validFrom()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void a_ledger_entry_survives_its_row_round_trip_and_a_demo_row_reads_as_an_entry() {
        LedgerEntry entry = new LedgerEntry("e1/OMNI_PLAN_2026/00004/OMNI_EMP_LI", "2026-11", "OMNI_EMP_LI", "OMNI_BRAND", null,
                "wechat", ChannelKind.SOCIAL, null, CreditKind.ACTIVITY, "00004",
                org.omnichannel.core.incentive.Amount.of(org.omnichannel.core.event.Money.of(new BigDecimal("10.00"), "CNY")),
                "e1", Instant.parse("2026-11-20T02:15:00Z"), "OMNI_PLAN_2026", "OMNI_FAN_CHEN", null, null);
        Map<String, Object> row = new HashMap<>(LedgerRows.fields(entry, "10000", "00004", "OMNI_CON_COMPLAINT", null));
        assertThat(row).containsEntry("amount", new BigDecimal("10.00")).containsEntry("currencyUomId", "CNY")
                .containsEntry("ruleSeqId", "00004").containsEntry("periodMonth", "2026-11");
        assertThat(LedgerRows.entry(row::get, ChannelKind.SOCIAL, id -> id)).isEqualTo(entry);

        Map<String, Object> demo = new HashMap<>(Map.of("creditEntryId", "OMNI_CR_0003", "employeePartyId", "OMNI_EMP_LI",
                "planId", "OMNI_PLAN_2026", "ruleSeqId", "00002", "contributionEnumId", "OMNI_CON_REFERRAL",
                "amount", new BigDecimal("38.97"), "currencyUomId", "CNY", "channelId", "shop-web", "periodMonth", "2026-11",
                "entryDate", Timestamp.from(Instant.parse("2026-11-16T01:00:00Z"))));
        LedgerEntry read = LedgerRows.entry(demo::get, ChannelKind.OWN_ECOMMERCE, id -> id);
        assertThat(read.entryId()).isEqualTo("OMNI_CR_0003");
        assertThat(read.kind()).isEqualTo(CreditKind.REFERRAL_COMMISSION);
        assertThat(read.ruleId()).isEqualTo(PlanRows.REFERRAL);
        assertThat(read.sourceEventId()).isEqualTo("row:OMNI_CR_0003");
        assertThat(read.amount().value()).isEqualTo(3897);
    }

    @Test
    void an_order_credit_state_survives_its_json_round_trip() {
        LedgerEntry credit = new LedgerEntry("e2/OMNI_PLAN_2026/sale/OMNI_EMP_LI", "2026-11", "OMNI_EMP_LI", null, "OMNI_FRANCHISEE_BJ",
                "franchise-bj", ChannelKind.OFFLINE_FRANCHISE, "OMNI_STORE_BJ", CreditKind.SALE_COMMISSION, "sale",
                new org.omnichannel.core.incentive.Amount(2000, "CNY"), "e2", Instant.parse("2026-11-20T02:15:00Z"),
                "OMNI_PLAN_2026", null, "franchise-bj/T-1", null);
        OrderCreditState state = new OrderCreditState("franchise-bj/T-1", "CNY", 100000, 25000,
                List.of(new OrderCreditState.CreditLine(credit, 500)));
        assertThat(OrderStates.fromJson(OrderStates.toJson(state))).isEqualTo(state);
        assertThatThrownBy(() -> OrderStates.fromJson("{")).hasMessageContaining("OmniIncentiveOrder.stateJson");
    }
}
