package org.omnichannel.core.incentive;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.IdentityLinkPayload;
import org.omnichannel.core.event.IdentityType;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncentiveEngineTest {

    static final IncentivePlan CONTACT = Scenario.plan("contact", List.of(ChannelKind.SOCIAL),
            List.of(ActivityRule.of("contact", ActivityKind.CONTACT_COLLECTED, Amount.points(10))), null, null);

    @Test
    void a_service_agent_who_links_a_fans_wechat_account_is_credited_for_the_contact() {
        Scenario s = new Scenario(CONTACT);
        ChannelEvent link = ChannelEvent.builder().channel("wechat-oa-brand", ChannelKind.SOCIAL, "wechat-oa")
                .externalId("link", "1").type(EventType.IDENTITY_LINKED).occurredAt(Scenario.at("2026-11-20T10:00:00"))
                .identity(IdentityType.WECHAT_UNIONID, "u9-xiaoming").employee(new EmployeeRef("agent-7", null))
                .payload(new IdentityLinkPayload("wechat-unionid", true)).build();

        List<LedgerEntry> booked = s.engine.record(new AttributedEvent("fan-wang", link));

        assertThat(booked).singleElement().satisfies(e -> {
            assertThat(e.employeeId()).isEqualTo("agent-7");
            assertThat(e.departmentId()).as("unknown to the directory, credited all the same").isNull();
            assertThat(e.sourceEventId()).isEqualTo(link.eventId());
        });
    }

    @Test
    void a_contact_collected_for_a_fan_that_is_later_merged_is_not_credited_again_for_the_survivor() {
        Scenario s = new Scenario(ActivityCreditTest.STORE_PLAN);
        s.interaction("fan-phone", Scenario.STORE_SH, "li-na", org.omnichannel.core.event.InteractionKind.VISIT,
                "2026-11-20T10:00:00", java.util.Map.of(), null, "13800138000");
        s.engine.mergeFans("fan-wang", "fan-phone");

        assertThat(s.interaction("fan-wang", Scenario.STORE_SH, "zhang-wei", org.omnichannel.core.event.InteractionKind.VISIT,
                "2026-11-21T10:00:00", java.util.Map.of(), null, "13800138000")).isEmpty();
    }

    @Test
    void two_engines_sharing_one_store_and_ledger_attribute_across_each_other_like_two_ofbiz_instances() {
        IncentivePlan plan = ReferralAttributionTest.referralPlan(AttributionModel.LAST_TOUCH);
        InMemoryAttributionStore store = new InMemoryAttributionStore();
        InMemoryCreditLedger ledger = new InMemoryCreditLedger();
        PeriodCalendar calendar = PeriodCalendar.monthly(Scenario.SHANGHAI);
        IncentiveEngine first = new IncentiveEngine(List.of(plan), Scenario.DIRECTORY, calendar, ledger, store);
        IncentiveEngine second = new IncentiveEngine(List.of(plan), Scenario.DIRECTORY, calendar, ledger, store);
        Scenario events = new Scenario(plan);
        ChannelEvent referral = ChannelEvent.builder().channel(Scenario.STORE_SH, ChannelKind.OFFLINE_DIRECT, "pos")
                .externalId("referral", "1").type(EventType.INTERACTION).occurredAt(Scenario.at("2026-11-20T10:00:00"))
                .employee(new EmployeeRef("li-na", null))
                .payload(org.omnichannel.core.event.InteractionPayload.of(org.omnichannel.core.event.InteractionKind.REFERRAL))
                .build();
        ChannelEvent order = events.orderEvent(EventType.ORDER_PLACED, Scenario.WEB, "web-1", null,
                "2026-11-21T10:00:00", Scenario.cny("100.00"), null);

        first.record(new AttributedEvent("fan-wang", referral));
        List<LedgerEntry> booked = second.record(new AttributedEvent("fan-wang", order));

        assertThat(booked).singleElement().extracting(LedgerEntry::employeeId).isEqualTo("li-na");
        assertThat(first.record(new AttributedEvent("fan-wang", order))).as("already processed by the other").isEmpty();
    }

    @Test
    void two_plans_with_the_same_id_are_refused() {
        assertThatThrownBy(() -> new IncentiveEngine(List.of(CONTACT, CONTACT), Scenario.DIRECTORY,
                PeriodCalendar.monthly(ZoneId.of("UTC")), new InMemoryCreditLedger()))
                .hasMessage("plan id 'contact' is used twice");
    }

    @Test
    void an_attributed_event_needs_an_event_and_treats_a_blank_fan_as_anonymous() {
        assertThatThrownBy(() -> new AttributedEvent("fan-1", null)).hasMessage("event is required");
        ChannelEvent order = new Scenario().orderEvent(EventType.ORDER_PLACED, Scenario.WEB, "o-1", null,
                "2026-11-20T10:00:00", Scenario.cny("1.00"), null);
        assertThat(new AttributedEvent(" ", order).fanId()).isNull();
    }
}
