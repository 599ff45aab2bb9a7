package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnichannel.core.incentive.Scenario.STORE_SH;

class ActivityCreditTest {

    static final IncentivePlan STORE_PLAN = Scenario.plan("store-2026", List.of(ChannelKind.OFFLINE_DIRECT), List.of(
            ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.points(10)),
            ActivityRule.of("complaint", ActivityKind.COMPLAINT, Amount.points(5)),
            new ActivityRule("service", ActivityKind.SERVICE_CALL, Map.of("outcome", "resolved"), Amount.of(Scenario.cny("5.00"))),
            ActivityRule.of("try-on", ActivityKind.TRY_ON, Amount.points(1))), null, null);

    @Test
    void a_clerk_is_credited_for_collecting_the_contact_of_a_fan_who_buys_nothing() {
        Scenario s = new Scenario(STORE_PLAN);

        List<LedgerEntry> booked = s.interaction("fan-wang", STORE_SH, "li-na", InteractionKind.TRY_ON,
                "2026-11-20T10:15:00", Map.of(), null, "+86 138 0013 8000");

        assertThat(booked).extracting(LedgerEntry::ruleId, e -> e.amount().value())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("contact", 10L),
                        org.assertj.core.groups.Tuple.tuple("try-on", 1L));
        LedgerEntry contact = booked.stream().filter(e -> e.ruleId().equals("contact")).findFirst().orElseThrow();
        assertThat(contact.employeeId()).isEqualTo("li-na");
        assertThat(contact.departmentId()).isEqualTo("dept-sh-retail");
        assertThat(contact.fanId()).isEqualTo("fan-wang");
        assertThat(contact.periodId()).isEqualTo("2026-11");
        assertThat(contact.kind()).isEqualTo(CreditKind.ACTIVITY);
        assertThat(s.engine.statement("li-na", "2026-11").total(Amount.POINTS)).isEqualTo(11);
    }

    @Test
    void collecting_the_same_fans_contact_again_earns_nothing_more() {
        Scenario s = new Scenario(STORE_PLAN);
        s.interaction("fan-wang", STORE_SH, "li-na", InteractionKind.VISIT, "2026-11-20T10:15:00", Map.of(), null, "13800138000");

        List<LedgerEntry> again = s.interaction("fan-wang", STORE_SH, "zhang-wei", InteractionKind.VISIT,
                "2026-11-21T10:15:00", Map.of(), null, "13800138000");

        assertThat(again).isEmpty();
    }

    @Test
    void an_interaction_without_contact_details_or_without_a_fan_earns_no_contact_credit() {
        Scenario s = new Scenario(STORE_PLAN);

        assertThat(s.visit("fan-wang", STORE_SH, "li-na", InteractionKind.VISIT, "2026-11-20T10:15:00")).isEmpty();
        assertThat(s.interaction(null, STORE_SH, "li-na", InteractionKind.VISIT, "2026-11-20T10:16:00",
                Map.of(), null, "13800138000")).isEmpty();
    }

    @Test
    void a_resolved_service_call_and_an_answered_complaint_are_credited_but_an_unresolved_call_is_not() {
        Scenario s = new Scenario(STORE_PLAN);

        List<LedgerEntry> resolved = s.interaction("fan-1", STORE_SH, "li-na", InteractionKind.SERVICE_CALL,
                "2026-11-20T10:00:00", Map.of("outcome", "resolved"), null, null);
        List<LedgerEntry> open = s.interaction("fan-2", STORE_SH, "li-na", InteractionKind.SERVICE_CALL,
                "2026-11-20T11:00:00", Map.of("outcome", "escalated"), null, null);
        List<LedgerEntry> complaint = s.visit("fan-3", STORE_SH, "li-na", InteractionKind.COMPLAINT, "2026-11-20T12:00:00");

        assertThat(resolved).singleElement().extracting(LedgerEntry::amount).isEqualTo(Amount.of(Scenario.cny("5.00")));
        assertThat(open).isEmpty();
        assertThat(complaint).singleElement().extracting(LedgerEntry::amount).isEqualTo(Amount.points(5));
    }

    @Test
    void a_second_delivery_of_the_same_event_books_nothing() {
        IncentivePlan withSale = Scenario.plan("sale", List.of(ChannelKind.OFFLINE_DIRECT), List.of(),
                CommissionRule.percent(300), null);
        Scenario t = new Scenario(withSale);
        var event = t.orderEvent(org.omnichannel.core.event.EventType.ORDER_PLACED, STORE_SH, "o-1", "li-na",
                "2026-11-20T10:00:00", Scenario.cny("100.00"), null);

        assertThat(t.engine.record(new AttributedEvent("fan-1", event))).hasSize(1);
        assertThat(t.engine.record(new AttributedEvent("fan-1", event))).isEmpty();
        assertThat(t.ledger.size()).isEqualTo(1);
    }

    @Test
    void a_plan_credits_nothing_outside_its_validity_period() {
        IncentivePlan november = new IncentivePlan("nov-drive", "November drive", Set.of(ChannelKind.OFFLINE_DIRECT),
                Scenario.at("2026-11-01T00:00:00"), Scenario.at("2026-12-01T00:00:00"),
                List.of(ActivityRule.of("try-on", ActivityKind.TRY_ON, Amount.points(3))), null, null);
        Scenario s = new Scenario(november);

        assertThat(s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-10-31T23:59:59")).isEmpty();
        assertThat(s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-11-01T00:00:00")).hasSize(1);
        assertThat(s.visit("fan-1", STORE_SH, "li-na", InteractionKind.TRY_ON, "2026-12-01T00:00:00")).isEmpty();
    }

    @Test
    void plans_refuse_bad_definitions_with_a_message_naming_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IncentivePlan("p", null, Set.of(), Instant.EPOCH,
                null, null, null, null)).hasMessageContaining("plan p: channelKinds must name at least one kind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivityRule.of("r", ActivityKind.VISIT, Amount.points(0)))
                .hasMessageContaining("activity rule r: reward must be positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Amount(1, "XYZ"))
                .hasMessageContaining("currency 'XYZ' is not an ISO 4217 code");
    }
}
