package org.omnichannel.core.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityLinkPayload;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.PersonDetails;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed scenario of the design: 小明 in the store, 王先生 online, one WeChat unionid: one fan. */
class WangXiaomingScenarioTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:15:00Z");

    private final InMemoryFanStore store = new InMemoryFanStore();
    private final InMemoryMergeAudit audit = new InMemoryMergeAudit();
    private final FanResolver resolver = new FanResolver(store, audit, MatchModel.priors());

    @Test
    void the_store_visit_the_online_browsing_and_the_unionid_link_are_one_fan_wang_xiaoming() {
        // 1. In the Shanghai store, a clerk records 小明, who scans the brand's official account QR code.
        Resolution store1 = resolver.resolve(event("store-sh-1", ChannelKind.OFFLINE_DIRECT, "try-on-1", EventType.INTERACTION,
                InteractionPayload.of(InteractionKind.TRY_ON, "GL-AVIATOR-BLK"), PersonDetails.named("小明"),
                new Identity(IdentityType.WECHAT_OPENID, "oA1-xiaoming", "wx-brand-oa", true),
                Identity.of(IdentityType.PHONE, "138 0013 8000")), "CN");
        assertThat(store1.outcome()).isEqualTo(Resolution.Outcome.NEW);

        // 2. Online, "王先生" browses the same glasses for an hour, logged in with his e-mail; same phone.
        Resolution online = resolver.resolve(event("web-cn", ChannelKind.OWN_ECOMMERCE, "view-1", EventType.INTERACTION,
                new InteractionPayload(InteractionKind.PRODUCT_VIEW, List.of("GL-AVIATOR-BLK"), null, null, null, null,
                        3600L, null), PersonDetails.named("王先生"),
                new Identity(IdentityType.EMAIL, "Wang.Xiaoming@Example.com", null, true),
                Identity.of(IdentityType.PHONE, "+86 138-0013-8000")), "CN");
        assertThat(online.outcome()).isEqualTo(Resolution.Outcome.JOINED);
        assertThat(online.fanId()).isEqualTo(store1.fanId());
        assertThat(online.links()).singleElement().satisfies(link -> {
            assertThat(link.kind()).isEqualTo(Link.Kind.DETERMINISTIC);
            assertThat(link.key()).isEqualTo("PHONE::+8613800138000");
        });

        // 3. He follows the brand's mini program, a second WeChat app: a new openid, nothing else yet.
        Resolution follow = resolver.resolve(event("wechat-mp", ChannelKind.SOCIAL, "follow-1", EventType.INTERACTION,
                InteractionPayload.of(InteractionKind.FOLLOW), null,
                new Identity(IdentityType.WECHAT_OPENID, "oM7-xiaoming", "wx-brand-mp", true)), "CN");
        assertThat(follow.outcome()).isEqualTo(Resolution.Outcome.NEW);
        assertThat(follow.fanId()).isNotEqualTo(store1.fanId());

        // 4. WeChat's unionid ties the two openids of the brand's open platform together.
        Resolution link = resolver.resolve(event("wechat-oa", ChannelKind.SOCIAL, "link-1", EventType.IDENTITY_LINKED,
                new IdentityLinkPayload("wechat-unionid", true), null,
                new Identity(IdentityType.WECHAT_UNIONID, "u9-xiaoming", "brand-open-platform", true),
                new Identity(IdentityType.WECHAT_OPENID, "oA1-xiaoming", "wx-brand-oa", true),
                new Identity(IdentityType.WECHAT_OPENID, "oM7-xiaoming", "wx-brand-mp", true)), "CN");
        assertThat(link.outcome()).isEqualTo(Resolution.Outcome.MERGED);
        assertThat(link.fanId()).isEqualTo(store1.fanId());
        assertThat(link.mergedAway()).containsExactly(follow.fanId());
        assertThat(audit.merge(link.mergeIds().get(0))).get().satisfies(merge -> {
            assertThat(merge.absorbed()).isEqualTo(follow.fanId());
            assertThat(merge.movedRecordIds()).containsExactly(follow.recordId());
            assertThat(merge.evidence()).contains("WECHAT_OPENID:wx-brand-oa:oA1-xiaoming", "WECHAT_OPENID:wx-brand-mp:oM7-xiaoming");
        });

        // 5. A marketplace order in Latin letters, phone with 0086: the same fan.
        Resolution order = resolver.resolve(event("tmall", ChannelKind.MARKETPLACE, "order-1", EventType.INTERACTION,
                InteractionPayload.of(InteractionKind.CART_ADD), PersonDetails.named("Wang Xiaoming"),
                new Identity(IdentityType.MARKETPLACE_BUYER_ID, "tb-88123", "tmall", true),
                Identity.of(IdentityType.PHONE, "0086 13800138000")), "CN");
        assertThat(order.fanId()).isEqualTo(store1.fanId());

        // The clerk's view of the fan holds the online browsing, and the name pieces add up to 王小明.
        List<MatchRecord> records = store.recordsOf(store1.fanId());
        assertThat(records).extracting(MatchRecord::recordId).containsExactlyInAnyOrder(store1.recordId(),
                online.recordId(), follow.recordId(), link.recordId(), order.recordId());
        assertThat(records).extracting(MatchRecord::givenName).contains("xiaoming");
        assertThat(records).extracting(MatchRecord::surname).contains("wang");
        assertThat(store.fanCount()).isEqualTo(1);
    }

    @Test
    void the_same_event_delivered_twice_is_resolved_once() {
        ChannelEvent visit = event("store-sh-1", ChannelKind.OFFLINE_DIRECT, "visit-9", EventType.INTERACTION,
                InteractionPayload.of(InteractionKind.VISIT), PersonDetails.named("小明"),
                Identity.of(IdentityType.PHONE, "13800138000"));
        Resolution first = resolver.resolve(visit, "CN");
        Resolution again = resolver.resolve(visit, "CN");
        assertThat(again.outcome()).isEqualTo(Resolution.Outcome.ALREADY_RESOLVED);
        assertThat(again.fanId()).isEqualTo(first.fanId());
        assertThat(store.recordCount()).isEqualTo(1);
    }

    @Test
    void an_anonymous_sale_makes_no_fan() {
        Resolution anonymous = resolver.resolve(event("store-sh-1", ChannelKind.OFFLINE_DIRECT, "visit-10",
                EventType.INTERACTION, InteractionPayload.of(InteractionKind.VISIT), null), "CN");
        assertThat(anonymous.outcome()).isEqualTo(Resolution.Outcome.ANONYMOUS);
        assertThat(anonymous.fanId()).isNull();
        assertThat(store.fanCount()).isZero();
    }

    static ChannelEvent event(String channel, ChannelKind kind, String externalId, EventType type,
                              org.omnichannel.core.event.EventPayload payload, PersonDetails person,
                              Identity... identities) {
        ChannelEvent.Builder b = ChannelEvent.builder().channel(channel, kind, "test").externalId(externalId).type(type)
                .occurredAt(T0).receivedAt(T0).payload(payload).person(person);
        for (Identity identity : identities) {
            b.identity(identity);
        }
        return b.build();
    }
}
