package org.omnichannel.core.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictingEvidenceTest {

    private final InMemoryFanStore store = new InMemoryFanStore();
    private final InMemoryMergeAudit audit = new InMemoryMergeAudit();
    private final FanResolver resolver = new FanResolver(store, audit, MatchModel.priors());

    @Test
    void a_shared_family_email_does_not_join_two_people_with_different_national_ids_and_birth_dates() {
        Resolution mother = resolver.resolve(person("r1", "family@example.com", "Li Na", "1968-03-02", "110101196803020021"));
        Resolution daughter = resolver.resolve(person("r2", "family@example.com", "Zhang Wei", "1995-11-30",
                "110101199511300042"));
        assertThat(daughter.outcome()).isEqualTo(Resolution.Outcome.NEW);
        assertThat(daughter.fanId()).isNotEqualTo(mother.fanId());
        assertThat(daughter.conflicts()).extracting(Conflict::attribute).contains("BIRTH_DATE");
        assertThat(daughter.conflicts().get(0).detail()).doesNotContain("110101");
    }

    @Test
    void a_record_tying_two_fans_with_different_national_ids_merges_nothing_and_reports_it() {
        FanId a = resolver.resolve(FanRecord.builder("r1").identity(KeyType.NATIONAL_ID, "A-1234567")
                .identity(KeyType.EMAIL, "a@example.com").build()).fanId();
        FanId b = resolver.resolve(FanRecord.builder("r2").identity(KeyType.NATIONAL_ID, "Z-7654321")
                .identity(KeyType.PHONE, "+8613800138000").build()).fanId();

        Resolution bridge = resolver.resolve(FanRecord.builder("r3").identity(KeyType.EMAIL, "a@example.com")
                .identity(KeyType.PHONE, "+8613800138000").build());
        assertThat(bridge.outcome()).isEqualTo(Resolution.Outcome.JOINED);
        assertThat(bridge.mergedAway()).isEmpty();
        assertThat(bridge.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.attribute()).isEqualTo("NATIONAL_ID");
            assertThat(java.util.List.of(c.fan(), c.other())).containsExactlyInAnyOrder(a, b);
        });
        assertThat(store.fanCount()).isEqualTo(2);
        assertThat(audit.all()).isEmpty();
        assertThatThrownBy(() -> resolver.merge(a, b, "clerk", "looks alike"))
                .hasMessageContaining("different NATIONAL_ID");
    }

    @Test
    void a_verified_unionid_beats_a_typed_email_when_the_two_point_at_different_people() {
        FanId wechat = resolver.resolve(FanRecord.builder("r1")
                .identity(KeyType.WECHAT_UNIONID, "u-1", "open-1", true)
                .attribute(PersonField.DOB, "1990-04-01").build()).fanId();
        FanId typed = resolver.resolve(FanRecord.builder("r2").identity(KeyType.EMAIL, "shared@example.com")
                .attribute(PersonField.DOB, "1961-12-24").build()).fanId();

        Resolution r = resolver.resolve(FanRecord.builder("r3").identity(KeyType.WECHAT_UNIONID, "u-1", "open-1", true)
                .identity(KeyType.EMAIL, "shared@example.com").build());
        assertThat(r.fanId()).isEqualTo(wechat);
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.fan()).isEqualTo(typed);
            assertThat(c.attribute()).isEqualTo("BIRTH_DATE");
        });
    }

    @Test
    void two_verified_unionids_of_one_platform_are_two_people_even_when_everything_else_agrees() {
        FanId first = resolver.resolve(FanRecord.builder("r1").identity(KeyType.WECHAT_UNIONID, "u-1", "open-1", true)
                .attribute(PersonField.FULL_NAME, "王小明").attribute(PersonField.DOB, "1990-04-01").build()).fanId();
        Resolution second = resolver.resolve(FanRecord.builder("r2")
                .identity(KeyType.WECHAT_UNIONID, "u-2", "open-1", true)
                .attribute(PersonField.FULL_NAME, "王小明").attribute(PersonField.DOB, "1990-04-01").build());
        assertThat(second.fanId()).isNotEqualTo(first);
    }

    @Test
    void a_birth_date_typo_is_no_conflict() {
        FanId a = resolver.resolve(person("r1", "ann@example.com", "Ann Lee", "1990-04-01", null)).fanId();
        Resolution b = resolver.resolve(person("r2", "ann@example.com", "Ann Lee", "1990-04-10", null));
        assertThat(b.fanId()).isEqualTo(a);
        assertThat(b.conflicts()).isEmpty();
    }

    @Test
    void a_shared_device_alone_links_nobody() {
        FanId a = resolver.resolve(FanRecord.builder("r1").identity(KeyType.DEVICE_ID, "ipad-1")
                .attribute(PersonField.FULL_NAME, "Ann Lee").build()).fanId();
        FanId b = resolver.resolve(FanRecord.builder("r2").identity(KeyType.DEVICE_ID, "ipad-1")
                .attribute(PersonField.FULL_NAME, "Bo Chan").build()).fanId();
        assertThat(b).isNotEqualTo(a);
    }

    private static FanRecord person(String id, String email, String name, String dob, String nationalId) {
        return FanRecord.builder(id).identity(KeyType.EMAIL, email).identity(KeyType.NATIONAL_ID, nationalId)
                .attribute(PersonField.FULL_NAME, name).attribute(PersonField.DOB, dob).build();
    }
}
