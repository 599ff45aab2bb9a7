package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.core.fan.insight.Events.*;

class NextBestActionTest {

    private final FanInsightEngine engine = FanInsightEngine.withDefaults();
    private final StockTable stock = new StockTable()
            .store("store-sh-1", STORE_SH.id(), ChannelKind.OFFLINE_DIRECT)
            .store("store-hz-1", FRANCHISE_HZ.id(), ChannelKind.OFFLINE_FRANCHISE)
            .distance("store-sh-1", "store-hz-1", 164.0);
    private final NextBestActions rules = new NextBestActions(stock, ConsentPolicy.defaults(), ActionSettings.defaults());

    private ActionAdvice advise(String fanId, ActionContext context) {
        return rules.advise(engine.view(fanId, context.asOf()).orElseThrow(), context);
    }

    private static ActionContext clerkAtNanjingRoad(String... products) {
        return ActionContext.inStore(day(0), STORE_SH.id(), STORE_SH.kind(), "store-sh-1", "clerk-42", products);
    }

    private static InteractionPayload complaint(String orderId, String text) {
        return new InteractionPayload(InteractionKind.COMPLAINT, List.of(), orderId, null, null, text, null, null);
    }

    private void webOrderThenSocialComplaint() {
        engine.record(of("wang", order(WEB, "W-1", day(-5), 129900, AVIATOR)));
        engine.record(of("wang", interaction(WECHAT, complaint("W-1", "镜腿松了"), day(-1))));
    }

    @Test
    void a_social_complaint_about_an_open_order_calls_for_a_callback_and_a_store_return() {
        webOrderThenSocialComplaint();

        ActionAdvice advice = advise("wang", ActionContext.serviceDesk(day(0)));

        assertThat(advice.hints()).extracting(ActionHint::kind)
                .containsExactly(ActionKind.SERVICE_CALLBACK, ActionKind.OFFER_STORE_RETURN);
        ActionHint callback = advice.hints().get(0);
        assertThat(callback.reason()).isEqualTo("call the fan back: complained on wechat-oa-brand 1 day ago: "
                + "\u201c镜腿松了\u201d; order W-1 (web-cn, 1299.00 CNY, placed 5 days ago) is still open");
        assertThat(callback.orderId()).isEqualTo("W-1");
        assertThat(callback.productIds()).containsExactly(AVIATOR);
        assertThat(advice.hints().get(1).reason()).startsWith("offer to take order W-1 back in any store: ");
    }

    @Test
    void in_the_store_the_return_is_offered_here() {
        webOrderThenSocialComplaint();

        assertThat(advise("wang", clerkAtNanjingRoad()).hints(ActionKind.OFFER_STORE_RETURN).get(0).reason())
                .startsWith("offer to take order W-1 back here at store-sh-1: ");
    }

    @Test
    void no_callback_once_the_service_desk_has_called() {
        webOrderThenSocialComplaint();
        engine.record(of("wang", interaction(WEB, InteractionKind.SERVICE_CALL, day(-0.5))));

        assertThat(advise("wang", ActionContext.serviceDesk(day(0))).hints()).isEmpty();
    }

    @Test
    void no_callback_when_the_order_is_delivered_cancelled_or_the_complaint_was_not_on_social() {
        engine.record(of("a", order(WEB, "W-1", day(-5), 129900, AVIATOR)));
        engine.record(of("a", orderEvent(EventType.ORDER_UPDATED, WEB, "W-1", day(-3), 129900, "delivered", AVIATOR)));
        engine.record(of("a", interaction(WECHAT, complaint(null, "too slow"), day(-1))));
        engine.record(of("b", order(WEB, "W-2", day(-5), 129900, AVIATOR)));
        engine.record(of("b", orderEvent(EventType.ORDER_CANCELLED, WEB, "W-2", day(-4), 129900, "cancelled", AVIATOR)));
        engine.record(of("b", interaction(DOUYIN, complaint(null, "where is my refund"), day(-1))));
        engine.record(of("c", order(WEB, "W-3", day(-5), 129900, AVIATOR)));
        engine.record(of("c", interaction(STORE_SH, complaint("W-3", "broken"), day(-1))));

        for (String fan : List.of("a", "b", "c")) {
            assertThat(advise(fan, ActionContext.serviceDesk(day(0))).hints()).as(fan).isEmpty();
        }
    }

    @Test
    void the_glasses_fan_in_the_store_shows_the_clerk_what_he_browsed_online() {
        engine.record(of("wang", interaction(WEB, new InteractionPayload(InteractionKind.PRODUCT_VIEW, List.of(AVIATOR),
                null, null, null, null, 3600L, null), day(-3))));
        engine.record(of("wang", interaction(TMALL, InteractionKind.CART_ADD, day(-2), ROUND)));
        engine.record(of("wang", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(-45), "GL-OLD")));
        stock.inStore(AVIATOR, "store-sh-1", 3).inStore(ROUND, "store-sh-1", 1);

        ActionAdvice advice = advise("wang", clerkAtNanjingRoad());

        assertThat(advice.hints()).hasSize(1);
        ActionHint show = advice.hints().get(0);
        assertThat(show.kind()).isEqualTo(ActionKind.SHOW_BROWSED_PRODUCTS);
        assertThat(show.productIds()).containsExactly(ROUND, AVIATOR);
        assertThat(show.reason()).isEqualTo("the fan browsed online: GL-ROUND-TORT on tmall-flagship 2 days ago, put in "
                + "the cart; GL-AVIATOR-BLK on web-cn 3 days ago, 60 min");
    }

    @Test
    void products_bought_since_they_were_browsed_are_not_shown_and_the_service_desk_gets_no_store_hints() {
        engine.record(of("wang", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(-3), AVIATOR)));
        engine.record(of("wang", order(WEB, "W-9", day(-2), 129900, AVIATOR)));

        assertThat(advise("wang", clerkAtNanjingRoad()).hints(ActionKind.SHOW_BROWSED_PRODUCTS)).isEmpty();
        engine.record(of("wang", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(-1), ROUND)));
        assertThat(advise("wang", ActionContext.serviceDesk(day(0))).hints()).isEmpty();
    }

    @Test
    void out_of_stock_here_and_in_stock_online_suggests_the_web_shop_as_a_referral_the_clerk_records() {
        engine.record(of("wang", interaction(STORE_SH, InteractionKind.TRY_ON, day(0), AVIATOR)));
        stock.inStore(AVIATOR, "store-sh-1", 0).online(AVIATOR, WEB.id(), 12).inStore(AVIATOR, "store-hz-1", 2);

        ActionAdvice advice = advise("wang", clerkAtNanjingRoad(AVIATOR));

        ActionHint suggest = advice.hints(ActionKind.SUGGEST_OTHER_CHANNEL).get(0);
        assertThat(suggest.reason()).isEqualTo("GL-AVIATOR-BLK is out of stock at store-sh-1; 12 available at web-cn: "
                + "send the fan there and record the referral, so the sale there credits you");
        assertThat(suggest.referral()).isEqualTo(new ReferralSuggestion(STORE_SH.id(), "store-sh-1", "clerk-42",
                WEB.id(), null, List.of(AVIATOR)));

        InteractionPayload referral = suggest.referral().toInteraction("REF-CLERK-42");
        ChannelEvent recorded = interaction(STORE_SH, referral, day(0).plusSeconds(60)).facility(NANJING_ROAD)
                .employee(LI_NA).build();
        assertThat(engine.record(new FanEvent("wang", recorded))).isEqualTo(RecordOutcome.RECORDED);
        TimelineEntry entry = engine.timeline("wang", day(0).plusSeconds(60), null).get(0);
        assertThat(entry.activity()).isEqualTo(Activity.REFERRAL);
        assertThat(entry.targetChannelId()).isEqualTo(WEB.id());
        assertThat(entry.employeeId()).isEqualTo("clerk-42");
        assertThat(entry.productIds()).containsExactly(AVIATOR);
    }

    @Test
    void with_nothing_online_a_nearby_store_is_named_with_its_distance() {
        engine.record(of("wang", interaction(STORE_SH, InteractionKind.TRY_ON, day(0), AVIATOR)));
        stock.inStore(AVIATOR, "store-hz-1", 2);

        ActionHint suggest = advise("wang", clerkAtNanjingRoad(AVIATOR)).hints(ActionKind.SUGGEST_OTHER_CHANNEL).get(0);

        assertThat(suggest.reason()).contains("2 available at store-hz-1 (164.0 km)");
        assertThat(suggest.referral().targetChannelId()).isEqualTo(FRANCHISE_HZ.id());
        assertThat(suggest.referral().targetFacilityId()).isEqualTo("store-hz-1");
        assertThat(suggest.referral().toInteraction("R1").attributes()).containsEntry("targetFacilityId", "store-hz-1");
    }

    @Test
    void in_stock_here_or_nowhere_suggests_no_other_channel() {
        engine.record(of("wang", interaction(STORE_SH, InteractionKind.TRY_ON, day(0), AVIATOR, ROUND)));
        stock.inStore(AVIATOR, "store-sh-1", 1);

        assertThat(advise("wang", clerkAtNanjingRoad(AVIATOR, ROUND)).hints(ActionKind.SUGGEST_OTHER_CHANNEL)).isEmpty();
    }

    private void ironFanGoneQuiet(Map<String, Boolean> wechatConsents) {
        FanTimelineTest.glassesScenario("wang").forEach(engine::record);
        if (!wechatConsents.isEmpty()) {
            engine.record(of("wang", profile(WECHAT, day(-1), wechatConsents)));
        }
    }

    @Test
    void an_iron_fan_at_risk_gets_a_retention_offer_through_the_channel_he_granted_marketing_on() {
        ironFanGoneQuiet(Map.of("wechat", true, "sms", false));

        ActionAdvice advice = advise("wang", ActionContext.serviceDesk(day(100)));

        ActionHint offer = advice.hints(ActionKind.RETENTION_OFFER).get(0);
        assertThat(offer.reason()).isEqualTo("an iron fan (3 kinds of channel, 1 orders) has gone quiet: last activity "
                + "100 days ago, value index down to 35.5");
        assertThat(offer.via()).isEqualTo(new Consent(WECHAT.id(), "wechat", true, day(-1)));
    }

    @Test
    void without_a_marketing_grant_the_retention_offer_is_withheld_and_the_clerk_is_told_why() {
        ironFanGoneQuiet(Map.of());

        ActionAdvice advice = advise("wang", ActionContext.serviceDesk(day(100)));

        assertThat(advice.hints()).isEmpty();
        assertThat(advice.withheld()).extracting(WithheldHint::kind).containsExactly(ActionKind.RETENTION_OFFER);
        assertThat(advice.withheld().get(0).reason()).startsWith(
                "the fan has granted none of [email, marketing, sms, wechat] on any channel; would have been: an iron fan");
    }

    @Test
    void a_withdrawn_grant_withdraws_the_offer() {
        ironFanGoneQuiet(Map.of("wechat", true));
        engine.record(of("wang", profile(WECHAT, day(50), Map.of("wechat", false))));

        assertThat(advise("wang", ActionContext.serviceDesk(day(150))).hints()).isEmpty();
    }

    @Test
    void a_fan_who_refused_personalisation_is_not_shown_to_the_clerk() {
        engine.record(of("wang", interaction(WEB, InteractionKind.PRODUCT_VIEW, day(-3), AVIATOR)));
        engine.record(of("wang", profile(WEB, day(-2), Map.of("personalisation", false))));
        stock.inStore(AVIATOR, "store-sh-1", 3);

        ActionAdvice advice = advise("wang", clerkAtNanjingRoad());

        assertThat(advice.hints()).isEmpty();
        assertThat(advice.withheld().get(0).reason()).startsWith(
                "the fan refused 'personalisation' on web-cn on 2026-11-18; would have been: the fan browsed online");
    }

    @Test
    void a_store_context_needs_an_offline_channel() {
        assertThatThrownBy(() -> ActionContext.inStore(day(0), WEB.id(), WEB.kind(), "store-sh-1", null))
                .hasMessage("ActionContext.facilityId store-sh-1 needs an offline channel (OFFLINE_DIRECT or "
                        + "OFFLINE_FRANCHISE), was OWN_ECOMMERCE");
    }
}
